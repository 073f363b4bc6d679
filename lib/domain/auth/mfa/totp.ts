import { and, eq, isNull, lt, or } from "drizzle-orm";
import { generate, generateSecret, generateURI, verify } from "otplib";
import { totpFactors } from "@/drizzle/schema";
import type { DbOrTx } from "@/lib/platform/db/types";
import { openSecret, sealSecret } from "./secret-box";

const PURPOSE = "totp";
/** One 30-second step either side, for clocks that drift a little (RFC 6238 §5.2). */
const EPOCH_TOLERANCE_SECONDS = 30;
const PERIOD_SECONDS = 30;
export const TOTP_ISSUER = "Payments Ops";

export type TotpCheck = "ok" | "invalid" | "reused" | "not_enrolled";

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, email: string): string =>
  generateURI({ issuer: TOTP_ISSUER, label: email, secret });

/** For tests and scripts (the sandbox's demo secrets): the code an authenticator shows now. */
export const totpCodeFor = (secret: string, at = new Date()): Promise<string> =>
  generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** Stores (or replaces) an unconfirmed factor; it counts only once confirmTotp accepts a code. */
export async function storeUnconfirmedTotp(db: DbOrTx, userId: string, secret: string, now: Date): Promise<void> {
  const secretCiphertext = sealSecret(secret, PURPOSE);
  await db
    .insert(totpFactors)
    .values({ userId, secretCiphertext, createdAt: now })
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secretCiphertext, confirmedAt: null, lastUsedStep: null, createdAt: now },
    });
}

/** Stores a factor that is confirmed from the start (the sandbox's demo users). */
export async function storeConfirmedTotp(db: DbOrTx, userId: string, secret: string, now: Date): Promise<void> {
  await storeUnconfirmedTotp(db, userId, secret, now);
  await db.update(totpFactors).set({ confirmedAt: now }).where(eq(totpFactors.userId, userId));
}

/**
 * Checks a code against the user's factor (confirmed, or the pending one when `pending` is set)
 * and spends its time step atomically: the conditional UPDATE lets one of two concurrent uses of
 * the same code win, and refuses any code at or before the last step used (ASVS 6.5.1).
 * A pending factor that accepts a code becomes confirmed.
 */
export async function checkTotp(
  db: DbOrTx,
  userId: string,
  code: string,
  now: Date,
  options: { pending?: boolean } = {},
): Promise<TotpCheck> {
  const [factor] = await db.select().from(totpFactors).where(eq(totpFactors.userId, userId)).limit(1);
  if (!factor || (!options.pending && !factor.confirmedAt)) return "not_enrolled";
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return "invalid";
  const result = await verify({
    secret: openSecret(factor.secretCiphertext, PURPOSE),
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
  });
  if (!result.valid) return "invalid";
  const timeStep = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + result.delta;
  const spent = await db
    .update(totpFactors)
    .set({ lastUsedStep: timeStep, confirmedAt: factor.confirmedAt ?? now })
    .where(
      and(eq(totpFactors.userId, userId), or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, timeStep))),
    )
    .returning({ userId: totpFactors.userId });
  return spent.length > 0 ? "ok" : "reused";
}

export async function removeTotp(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(totpFactors).where(eq(totpFactors.userId, userId));
}
