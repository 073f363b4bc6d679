import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageUser } from "@/lib/domain/auth/current-user";
import { roleLabels } from "@/lib/domain/auth/permissions";
import { isSandbox } from "@/lib/platform/env";
import { navItemsFor } from "@/lib/domain/auth/navigation";
import { unreadNotificationCount } from "@/lib/domain/alerts/notifications";
import { getDb } from "@/lib/platform/db/client";

// A convenience redirect for signed-out users. Every page, action and route handler checks
// the session and permission again itself: this layout is never the guard.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const unread = await unreadNotificationCount(getDb(), user.id);
  const items = navItemsFor(user.role, { sandbox: isSandbox }).map(({ href, label }) => ({ href, label }));
  return (
    <AppShell
      items={items}
      user={{ name: user.name, email: user.email, roleLabel: roleLabels[user.role] }}
      sandbox={isSandbox}
      unreadNotifications={unread}
    >
      {children}
    </AppShell>
  );
}
