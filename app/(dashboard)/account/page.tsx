import type { Metadata } from "next";
import { PasskeysSection } from "@/components/auth/passkeys-section";
import { SessionConfirmationCard } from "@/components/auth/session-confirmation-card";
import { ActiveSessions } from "@/components/account/active-sessions";
import { AlertEmailForm } from "@/components/account/alert-email-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { alertEmailOn } from "@/lib/domain/alerts/channel-preferences";
import { getDb } from "@/lib/platform/db/client";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/domain/auth/current-user";
import { permissionsOf, roleLabels } from "@/lib/domain/auth/permissions";
import { SecondFactorCard } from "./second-factor-card";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const settingUp = (await searchParams).setup === "totp";
  const emailOn = await alertEmailOn(getDb(), user.id);
  return (
    <>
      <PageHeader title="Your account" />
      <Card>
        <p>
          {user.name} · {user.email}
        </p>
        <p className="mt-1 text-sm">Role: {roleLabels[user.role]}</p>
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
          Permissions: {permissionsOf(user.role).join(", ")}
        </p>
      </Card>
      <SecondFactorCard user={user} settingUp={settingUp} />
      <PasskeysSection />
      <SessionConfirmationCard />
      <Card title="Alert email" className="mt-6">
        <AlertEmailForm enabled={emailOn} email={user.email} />
      </Card>
      <Card title="Change password" className="mt-6">
        <ChangePasswordForm email={user.email} />
      </Card>
      <ActiveSessions user={user} />
    </>
  );
}
