import { and, count, desc, eq, isNull } from "drizzle-orm";
import { notifications } from "@/drizzle/schema/alerts";
import type { Database } from "@/lib/platform/db/types";

export interface NotificationRow {
  id: string;
  title: string;
  body: string;
  href: string;
  createdAt: Date;
  readAt: Date | null;
}

/** How many the notification centre shows; older ones stay in the table. */
const shownNotifications = 100;

/** Every query here is scoped to one person: nobody reads or marks anyone else's notifications. */
export async function listNotifications(db: Database, userId: string): Promise<NotificationRow[]> {
  const rows = await db
    .select({
      id: notifications.id,
      title: notifications.title,
      body: notifications.body,
      href: notifications.href,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(shownNotifications);
  return rows.map((row) => ({ ...row, id: row.id.toString() }));
}

export async function unreadNotificationCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

/** Marks one of the user's own notifications read; false when it is not theirs or was already read. */
export async function markNotificationRead(
  db: Database,
  userId: string,
  notificationId: string,
  now: Date,
): Promise<boolean> {
  const marked = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(eq(notifications.id, BigInt(notificationId)), eq(notifications.userId, userId), isNull(notifications.readAt)),
    )
    .returning({ id: notifications.id });
  return marked.length === 1;
}

/** Marks every unread notification of the user read; returns how many. */
export async function markAllNotificationsRead(db: Database, userId: string, now: Date): Promise<number> {
  const marked = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return marked.length;
}
