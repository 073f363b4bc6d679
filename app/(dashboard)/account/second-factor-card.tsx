import { OtherSessionsHint } from "@/components/account/other-sessions-hint";
import { RegenerateRecoveryCodes } from "@/components/account/regenerate-recovery-codes";
import { TotpEnrolment } from "@/components/auth/totp-enrolment";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { confirmTotpAction } from "@/lib/app/actions/account/confirm-totp";
import { totpOfferFor } from "@/lib/domain/auth/mfa/enrolment-offer";
import { factorStatusOf } from "@/lib/domain/auth/mfa/factor-status";
import { roleRequiresMfa } from "@/lib/domain/auth/mfa/policy";
import type { SessionUser } from "@/lib/domain/auth/sessions";
import { getDb } from "@/lib/platform/db/client";

/** The user's own second factors: status, set up or replace the authenticator app, new recovery codes. */
export async function SecondFactorCard({ user, settingUp }: { user: SessionUser; settingUp: boolean }) {
  const db = getDb();
  const factors = await factorStatusOf(db, user.id);
  const required = roleRequiresMfa(user.role);
  return (
    <Card title="Second factor" className="mt-6">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {required
          ? "Your role needs a second factor at every sign-in."
          : "A second factor is optional for your role; once set up, it is asked at every sign-in."}
      </p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Authenticator app</dt>
        <dd data-testid="factor-totp">{factors.totp ? "Set up" : "Not set up"}</dd>
        <dt className="font-medium">Recovery codes</dt>
        <dd data-testid="factor-recovery-codes">{factors.unusedRecoveryCodes} unused</dd>
        <dt className="font-medium">Passkeys</dt>
        <dd data-testid="factor-passkeys">{factors.passkeys}</dd>
      </dl>
      <div className="mt-4 space-y-4">
        {settingUp ? (
          <section
            aria-label={factors.totp ? "Replace authenticator app" : "Set up authenticator app"}
            className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
          >
            <h3 className="mb-2 text-sm font-semibold">
              {factors.totp ? "Replace your authenticator app" : "Set up an authenticator app"}
            </h3>
            {factors.totp ? (
              <p className="mb-2 text-sm">Your current app keeps working until you confirm a code from the new one.</p>
            ) : null}
            <TotpEnrolment
              setup={await totpOfferFor(db, user)}
              action={confirmTotpAction}
              callbackUrl=""
              continueHref="/account"
              continueLabel="Back to your account"
              afterChange={<OtherSessionsHint />}
            />
          </section>
        ) : (
          <a href="/account?setup=totp" className={buttonClass("secondary")}>
            {factors.totp ? "Replace authenticator app" : "Set up authenticator app"}
          </a>
        )}
        <RegenerateRecoveryCodes hasCodes={factors.unusedRecoveryCodes > 0} />
      </div>
    </Card>
  );
}
