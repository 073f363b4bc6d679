import type { Metadata } from "next";
import { MarkAllReadButton } from "@/components/notifications/mark-read-buttons";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/ui/page-header";
import { listNotifications, unreadNotificationCount } from "@/lib/domain/alerts/notifications";
import { requirePageUser } from "@/lib/domain/auth/current-user";
import { getDb } from "@/lib/platform/db/client";
import { displayZoneOf } from "@/lib/platform/time-zone/request-zone";
import { firstValues } from "@/lib/platform/url/search-params";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const zone = await displayZoneOf(firstValues(await searchParams).tz);
  const db = getDb();
  const [rows, unread] = await Promise.all([listNotifications(db, user.id), unreadNotificationCount(db, user.id)]);
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Your alerts, newest first: each links to what it is about."
        actions={<MarkAllReadButton unread={unread} />}
      />
      <NotificationList rows={rows} timeZone={zone} />
    </>
  );
}
