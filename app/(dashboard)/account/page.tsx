import type { Metadata } from "next";
import { PasskeysSection } from "@/components/auth/passkeys-section";
import { SecondFactorCard } from "@/components/auth/second-factor-card";
import { ActiveSessions } from "@/components/account/active-sessions";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { permissionsOf, roleLabels } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser();
  return (
    <>
      <PageHeader title="Your account" />
      <Card>
        <p>
          {user.name} · {user.email}
        </p>
        <p className="mt-1 text-sm">Role: {roleLabels[user.role]}</p>
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">Permissions: {permissionsOf(user.role).join(", ")}</p>
      </Card>
      <SecondFactorCard />
      <PasskeysSection />
      <Card title="Change password" className="mt-6">
        <ChangePasswordForm email={user.email} />
      </Card>
      <ActiveSessions user={user} />
    </>
  );
}
