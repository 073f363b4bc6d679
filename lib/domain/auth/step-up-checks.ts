import { and, eq, isNotNull } from "drizzle-orm";
import { totpFactors, webauthnCredentials } from "@/drizzle/schema";
import type { DbOrTx } from "@/lib/platform/db/types";
import { env } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import type { SessionUser } from "./sessions";
import { stepUpGate, type StepUpFactors } from "./step-up";

export const stepUpMaxAgeMs = (): number => env.STEP_UP_MAX_AGE_MINUTES * 60_000;

/** The factors a step-up can ask this user for: a confirmed authenticator app, passkeys. */
export async function stepUpFactorsFor(db: DbOrTx, userId: string): Promise<StepUpFactors> {
  const [[totp], [passkey]] = await Promise.all([
    db
      .select({ userId: totpFactors.userId })
      .from(totpFactors)
      .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)))
      .limit(1),
    db
      .select({ id: webauthnCredentials.id })
      .from(webauthnCredentials)
      .where(eq(webauthnCredentials.userId, userId))
      .limit(1),
  ]);
  return { totp: Boolean(totp), passkey: Boolean(passkey) };
}

/** A confirmed authenticator app or at least one passkey: something a step-up can ask for. */
export async function hasStepUpFactor(db: DbOrTx, userId: string): Promise<boolean> {
  const factors = await stepUpFactorsFor(db, userId);
  return factors.totp || factors.passkey;
}

/** The step-up gate for this user's session now, reading the factor enrolment only when a refusal is due. */
export function stepUpGateFor(
  db: DbOrTx,
  user: SessionUser,
  required: boolean | (() => boolean | Promise<boolean>),
  now = new Date(),
) {
  return stepUpGate({
    required,
    secondFactorAt: user.secondFactorAt,
    now,
    maxAgeMs: stepUpMaxAgeMs(),
    factors: () => stepUpFactorsFor(db, user.id),
  });
}

/**
 * For route handlers (exports): throws AppError STEP_UP_REQUIRED, which errorResponse turns into
 * a 403 whose JSON names the code and says what to do.
 */
export async function requireFreshSecondFactor(db: DbOrTx, user: SessionUser): Promise<void> {
  const refusal = await stepUpGateFor(db, user, true);
  if (refusal) throw new AppError("STEP_UP_REQUIRED", refusal.message);
}
