import { eq } from "drizzle-orm";
import { users, webauthnCredentials } from "@/drizzle/schema";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { factorStatusOf } from "@/lib/domain/auth/mfa/factor-status";
import { removeRecoveryCodes } from "@/lib/domain/auth/mfa/recovery-codes";
import { removeTotp } from "@/lib/domain/auth/mfa/totp";
import { revokeAllSessionsOf } from "@/lib/domain/auth/sessions";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";

/**
 * An administrator's reset of a user who lost their second factor: their authenticator app,
 * recovery codes and passkeys are removed and every session of theirs ends, in one transaction
 * with its audit row. If their role requires MFA they enrol again at the next sign-in.
 */
export async function resetUserFactors(
  db: Database,
  actor: AuditActor,
  userId: string,
  now = new Date(),
): Promise<{ email: string; revokedSessions: number }> {
  if (userId === actor.userId) {
    throw new AppError("CONFLICT", "You cannot reset your own second factor here. Replace it on your Account page.");
  }
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, userId))
      .for("update")
      .limit(1);
    if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
    const before = await factorStatusOf(tx, user.id);
    await removeTotp(tx, user.id);
    await removeRecoveryCodes(tx, user.id);
    await tx.delete(webauthnCredentials).where(eq(webauthnCredentials.userId, user.id));
    const revokedSessions = await revokeAllSessionsOf(tx, user.id, "mfa_reset", now);
    await recordAudit(tx, actor, {
      action: "user.mfa_reset",
      targetType: "user",
      targetId: user.id,
      before: { totp: before.totp, passkeys: before.passkeys, unusedRecoveryCodes: before.unusedRecoveryCodes },
      after: { revokedSessions },
    });
    return { email: user.email, revokedSessions };
  });
}
