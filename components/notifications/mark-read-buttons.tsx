"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { markAllNotificationsReadAction } from "@/lib/app/actions/notifications/mark-all-notifications-read";
import { markNotificationReadAction } from "@/lib/app/actions/notifications/mark-notification-read";

/** Stays mounted once the row is read, so its status line is still announced and focus has somewhere to be. */
export function MarkReadButton({
  notificationId,
  title,
  read,
}: {
  notificationId: string;
  title: string;
  read: boolean;
}) {
  const [result, action, pending] = useActionState(markNotificationReadAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="notificationId" value={notificationId} />
      {read ? (
        <span className="text-sm text-zinc-600 dark:text-zinc-400">Read</span>
      ) : (
        <Button type="submit" variant="secondary" disabled={pending} aria-label={`Mark read: ${title}`}>
          Mark read
        </Button>
      )}
      <FormStatus result={result} />
    </form>
  );
}

export function MarkAllReadButton({ unread }: { unread: number }) {
  const [result, action, pending] = useActionState(markAllNotificationsReadAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <FormStatus result={result} />
      <Button type="submit" disabled={pending || unread === 0}>
        Mark all read
      </Button>
    </form>
  );
}
