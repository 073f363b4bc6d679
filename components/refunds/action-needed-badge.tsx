import type { FollowUpView } from "@/lib/domain/refunds/follow-up/load-follow-ups";

/**
 * A refund whose money never reached the customer: "Action needed" until someone records that it
 * was refunded another way, with the open follow-up if there is one; afterwards what was done.
 */
export function ActionNeededBadge({
  actionNeeded,
  latest,
}: {
  actionNeeded: boolean;
  latest: Pick<FollowUpView, "task" | "assigneeEmail" | "state"> | null;
}) {
  if (!actionNeeded && latest?.state !== "done") return null;
  const assignee = latest?.assigneeEmail ? ` (${latest.assigneeEmail})` : "";
  return (
    <span className="inline-flex flex-wrap items-center gap-1 text-xs" data-testid="action-needed">
      {actionNeeded ? (
        <>
          <span className="rounded bg-red-100 px-1.5 font-medium text-red-800 dark:bg-red-500/15 dark:text-red-300">
            Action needed
          </span>
          <span className="text-zinc-700 dark:text-zinc-300">
            {latest
              ? `Follow-up open: ${latest.task}${assignee}`
              : "The money did not reach the customer: refund another way and record it."}
          </span>
        </>
      ) : (
        <span className="text-emerald-800 dark:text-emerald-300">Refunded another way: {latest?.task} (done)</span>
      )}
    </span>
  );
}
