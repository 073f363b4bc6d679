import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { ZonedTime } from "@/components/ui/zoned-time";
import type { NotificationRow } from "@/lib/domain/alerts/notifications";
import { MarkReadButton } from "./mark-read-buttons";

export function NotificationList({ rows, timeZone }: { rows: NotificationRow[]; timeZone: string }) {
  if (rows.length === 0)
    return (
      <EmptyState title="No notifications yet">
        Refunds declined, expired, not collected or needing attention show up here.
      </EmptyState>
    );
  return (
    <ul
      aria-label="Notifications, newest first"
      className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {rows.map((row) => {
        const unread = row.readAt === null;
        return (
          <li key={row.id} className="flex flex-wrap items-start justify-between gap-3 p-4" data-testid="notification">
            <div className="min-w-0 space-y-1 text-sm">
              <p className={unread ? "font-semibold" : undefined}>
                {unread ? (
                  <span className="mr-2 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-500/15 dark:text-indigo-300">
                    Unread
                  </span>
                ) : null}
                <Link href={row.href} className="text-indigo-700 underline hover:no-underline dark:text-indigo-300">
                  {row.title}
                </Link>
              </p>
              <p className="text-zinc-700 dark:text-zinc-300">{row.body}</p>
              <p className="text-zinc-600 dark:text-zinc-400">
                <ZonedTime value={row.createdAt} timeZone={timeZone} /> ({timeZone})
              </p>
            </div>
            <MarkReadButton notificationId={row.id} title={row.title} read={!unread} />
          </li>
        );
      })}
    </ul>
  );
}
