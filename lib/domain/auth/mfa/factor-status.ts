import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import { recoveryCodes, totpFactors, webauthnCredentials } from "@/drizzle/schema";
import type { DbOrTx } from "@/lib/platform/db/types";

export interface FactorStatus {
  totp: boolean;
  passkeys: number;
  unusedRecoveryCodes: number;
}

/** What the user has enrolled; only confirmed authenticator apps count. */
export async function factorStatusOf(db: DbOrTx, userId: string): Promise<FactorStatus> {
  const [totp, passkeys, codes] = await Promise.all([
    db
      .select({ n: count() })
      .from(totpFactors)
      .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt))),
    db.select({ n: count() }).from(webauthnCredentials).where(eq(webauthnCredentials.userId, userId)),
    db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
  ]);
  return { totp: (totp[0]?.n ?? 0) > 0, passkeys: passkeys[0]?.n ?? 0, unusedRecoveryCodes: codes[0]?.n ?? 0 };
}

export const hasAnyFactor = (status: FactorStatus): boolean =>
  status.totp || status.passkeys > 0 || status.unusedRecoveryCodes > 0;
