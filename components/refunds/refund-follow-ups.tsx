import Link from "next/link";
import type { FollowUpView } from "@/lib/domain/refunds/follow-up/load-follow-ups";
import { ZonedTime } from "@/components/ui/zoned-time";
import { RefundFollowUpForm } from "./refund-follow-up-form";

/**
 * Under a refund whose money never reached the customer: what people recorded about it (oldest
 * first), the form to record more (finance and admins), and the way to refund the same money
 * again through the dashboard while the payment still has it to refund.
 */
export function RefundFollowUps({
  refundId,
  paymentId,
  followUps,
  canRecord,
  canRefundAgain,
  timeZone,
}: {
  refundId: string;
  paymentId: string;
  followUps: readonly FollowUpView[];
  canRecord: boolean;
  canRefundAgain: boolean;
  timeZone: string;
}) {
  return (
    <section aria-label="Follow-up" className="mt-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
      <h3 className="text-sm font-semibold">Follow-up</h3>
      {followUps.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing recorded yet.</p>
      ) : (
        <ol className="mt-1 space-y-1 text-sm" aria-label="Recorded follow-ups">
          {followUps.map((followUp) => (
            <li key={followUp.id} data-testid="follow-up">
              <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                <ZonedTime value={new Date(followUp.at)} timeZone={timeZone} /> {timeZone}
              </span>{" "}
              · {followUp.task} ({followUp.state === "done" ? "done" : "open"}
              {followUp.assigneeEmail ? `, assigned to ${followUp.assigneeEmail}` : ""}) · {followUp.note}
              {followUp.actorEmail ? (
                <span className="text-xs text-zinc-600 dark:text-zinc-400"> · by {followUp.actorEmail}</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canRefundAgain ? (
        <p className="mt-2 text-sm">
          This refund holds no money any more, so the payment can be refunded again:{" "}
          <Link
            href={`/payments/${paymentId}#refund-open`}
            className="font-medium text-indigo-700 underline dark:text-indigo-300"
          >
            Issue a new refund
          </Link>
          .
        </p>
      ) : null}
      {canRecord ? (
        <RefundFollowUpForm refundId={refundId} defaultTask={followUps.at(-1)?.task ?? "Refund by bank transfer"} />
      ) : null}
    </section>
  );
}
