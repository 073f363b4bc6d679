import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { recoveryCodes } from "@/drizzle/schema";
import type { DbOrTx } from "@/lib/db/types";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** 12 characters from a 31-letter alphabet (~59 bits), shown as xxxx-xxxx-xxxx. */
function newCode(): string {
  const bytes = randomBytes(12);
  const letters = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return `${letters.slice(0, 4)}-${letters.slice(4, 8)}-${letters.slice(8)}`;
}

/** Case, spaces and dashes do not matter when a person types a code back. */
const normalize = (code: string) => code.toLowerCase().replace(/[\s-]+/g, "");

/** High-entropy random codes need no slow hash: SHA-256 of the normalized code. */
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
  if (normalize(code).length !== 12) return false;
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashOf(code)), isNull(recoveryCodes.usedAt)))
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
