import { Card } from "@/components/ui/card";
import { UtcTime } from "@/components/ui/utc-time";
import { requirePageUser } from "@/lib/domain/auth/current-user";
import { secondFactorStatus } from "@/lib/domain/auth/mfa/second-factor-status";
import { getDb } from "@/lib/platform/db/client";
import { EndStepUpButton } from "./end-step-up-button";
import { PasskeyVerifyButton } from "./passkey-verify-button";

const methodLabels: Record<string, string> = {
  passkey: "a passkey",
  totp: "an authenticator code",
  recovery_code: "a recovery code",
};

/** When this session last confirmed a second factor, and a step-up with a passkey to confirm it now. */
export async function SessionConfirmationCard() {
  const user = await requirePageUser();
  const status = await secondFactorStatus(getDb(), user.sessionId);
  return (
    <Card title="Confirm it's you" className="mt-4">
      <p className="mb-3 text-sm" data-testid="second-factor-status">
        {status ? (
          <>
            Last confirmed in this session at <UtcTime value={status.at} /> UTC with{" "}
            {methodLabels[status.method ?? ""] ?? "a second factor"}.
          </>
        ) : (
          "Not confirmed in this session yet."
        )}
      </p>
      <PasskeyVerifyButton purpose="step-up" />
      <EndStepUpButton />
    </Card>
  );
}
