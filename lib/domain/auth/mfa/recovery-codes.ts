import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { recoveryCodes } from "@/drizzle/schema";
import type { DbOrTx } from "@/lib/platform/db/types";

export const RECOVERY_CODE_COUNT = 10;
/** 32 symbols (no i, l, o, 1), so each byte's low five bits pick one without bias. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz023456789";
const CODE_LENGTH = 24;

/**
 * 24 symbols of 5 bits = 120 bits, shown as six groups of four. At 112 bits or more ASVS 5.0
 * 6.5.2 allows a plain hash instead of a salted slow one, so a code is found by its hash alone.
 */
function newCode(): string {
  const symbols = Array.from(randomBytes(CODE_LENGTH), (byte) => ALPHABET[byte & 31]).join("");
  return symbols.match(/.{4}/g)!.join("-");
}

/** Case, spaces and dashes do not matter when a person types a code back. */
const normalize = (code: string) => code.toLowerCase().replace(/[\s-]+/g, "");

/** SHA-256 of the normalized code (see newCode for why no salt or slow hash is needed). */
const hashOf = (code: string) => createHash("sha256").update(normalize(code)).digest("hex");

/** Replaces every code of the user; the returned codes are shown once and never stored in clear. */
export async function issueRecoveryCodes(db: DbOrTx, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashOf(code), createdAt: now })));
  return codes;
}

/** Spends one unused code atomically: of two concurrent uses of a code, one wins. */
export async function consumeRecoveryCode(db: DbOrTx, userId: string, code: string, now: Date): Promise<boolean> {
  if (normalize(code).length !== CODE_LENGTH) return false;
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashOf(code)), isNull(recoveryCodes.usedAt)),
    )
    .returning({ id: recoveryCodes.id });
  return spent.length > 0;
}

export async function unusedRecoveryCodeCount(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}

export async function removeRecoveryCodes(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}
