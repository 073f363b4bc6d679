import { and, asc, count, eq, isNull, ne, sql } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { hashPassword } from "@/lib/domain/auth/password";
import type { Role } from "@/lib/domain/auth/permissions";
import { revokeAllSessionsOf } from "@/lib/domain/auth/sessions";
import type { Database, Transaction } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { checkPasswordStrength } from "./password-strength";
import type {
  ChangeRoleInput,
  CreateUserInput,
  ResetPasswordInput,
  SetUserDisabledInput,
} from "@/lib/app/validation/users";

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  createdAt: Date;
}

const summaryColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

export function listUsers(db: Database): Promise<UserSummary[]> {
  return db.select(summaryColumns).from(users).orderBy(asc(users.email));
}

/** Locks the user row for the rest of the transaction, so concurrent admin edits serialise. */
async function lockUser(tx: Transaction, userId: string): Promise<UserSummary> {
  const [user] = await tx.select(summaryColumns).from(users).where(eq(users.id, userId)).for("update").limit(1);
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
  return user;
}

/** Refuses a change that would leave no enabled admin (nobody could manage users any more). */
async function assertAnotherEnabledAdmin(tx: Transaction, userId: string): Promise<void> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, userId)));
  if (!row || row.n === 0) {
    throw new AppError("CONFLICT", "This is the last enabled admin. Make another user admin first.");
  }
}

/** ASVS 6.2.12: a password a person chose must not be common, breached or built from their own details. */
async function assertStrongPassword(password: string, owner: { email: string; name: string }): Promise<void> {
  const verdict = await checkPasswordStrength(password, owner);
  if (!verdict.ok) {
    throw new AppError("VALIDATION_FAILED", `Password ${verdict.rule}`, { fieldErrors: { password: [verdict.rule] } });
  }
}

/**
 * `passwordStrength: "unchecked"` is for the sandbox demo users only: bootstrap creates them
 * with the password the README publishes, which no strength rule would (or should) accept.
 */
export async function createUser(
  db: Database,
  actor: AuditActor,
  input: CreateUserInput,
  options: { passwordStrength?: "checked" | "unchecked" } = {},
): Promise<UserSummary> {
  if (options.passwordStrength !== "unchecked") await assertStrongPassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (existing) {
      throw new AppError("CONFLICT", `A user with the email ${input.email} already exists.`, {
        fieldErrors: { email: ["is already used by another user"] },
      });
    }
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .returning(summaryColumns);
    if (!user) throw new Error("user insert returned no row");
    await recordAudit(tx, actor, {
      action: "user.created",
      targetType: "user",
      targetId: user.id,
      after: { email: user.email, name: user.name, role: user.role },
    });
    return user;
  });
}

export async function changeUserRole(db: Database, actor: AuditActor, input: ChangeRoleInput): Promise<UserSummary> {
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, input.userId);
    if (before.role === input.role) return before;
    if (before.role === "admin") await assertAnotherEnabledAdmin(tx, before.id);
    const [after] = await tx
      .update(users)
      .set({ role: input.role, updatedAt: new Date() })
      .where(eq(users.id, before.id))
      .returning(summaryColumns);
    if (!after) throw new Error("user update returned no row");
    await recordAudit(tx, actor, {
      action: "user.role_changed",
      targetType: "user",
      targetId: before.id,
      before: { role: before.role },
      after: { role: after.role },
    });
    return after;
  });
}

export async function setUserDisabled(
  db: Database,
  actor: AuditActor,
  input: SetUserDisabledInput,
): Promise<UserSummary> {
  if (input.disabled && input.userId === actor.userId) {
    throw new AppError("CONFLICT", "You cannot disable your own account.");
  }
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, input.userId);
    if ((before.disabledAt !== null) === input.disabled) return before;
    if (input.disabled && before.role === "admin") await assertAnotherEnabledAdmin(tx, before.id);
    return writeDisabled(tx, actor, before, input.disabled, {});
  });
}

/**
 * Start-up only (the sandbox demo-user policy): like setUserDisabled, but it may disable the
 * last admin. A published password is worse than no admin; `npm run user:create` makes one.
 */
export async function setUserDisabledBySystem(
  db: Database,
  actor: AuditActor,
  input: { userId: string; disabled: boolean; reason: string },
): Promise<UserSummary> {
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, input.userId);
    if ((before.disabledAt !== null) === input.disabled) return before;
    return writeDisabled(tx, actor, before, input.disabled, { reason: input.reason });
  });
}

async function writeDisabled(
  tx: Transaction,
  actor: AuditActor,
  before: UserSummary,
  disabled: boolean,
  extra: Record<string, unknown>,
): Promise<UserSummary> {
  const now = new Date();
  const [after] = await tx
    .update(users)
    .set({ disabledAt: disabled ? now : null, updatedAt: now })
    .where(eq(users.id, before.id))
    .returning(summaryColumns);
  if (!after) throw new Error("user update returned no row");
  const revokedSessions = disabled ? await revokeAllSessionsOf(tx, before.id, "user_disabled", now) : 0;
  await recordAudit(tx, actor, {
    action: disabled ? "user.disabled" : "user.enabled",
    targetType: "user",
    targetId: before.id,
    before: { disabled: before.disabledAt !== null },
    after: { disabled, revokedSessions, ...extra },
  });
  return after;
}

/** Sets a new password and signs the user out everywhere (their session version moves on). */
export async function resetUserPassword(
  db: Database,
  actor: AuditActor,
  input: ResetPasswordInput,
): Promise<UserSummary> {
  const [owner] = await db.select(summaryColumns).from(users).where(eq(users.id, input.userId)).limit(1);
  if (!owner) throw new AppError("NOT_FOUND", "That user does not exist.");
  await assertStrongPassword(input.password, owner);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, input.userId);
    const now = new Date();
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, before.id));
    const revokedSessions = await revokeAllSessionsOf(tx, before.id, "password_reset", now);
    await recordAudit(tx, actor, {
      action: "user.password_reset",
      targetType: "user",
      targetId: before.id,
      after: { revokedSessions },
    });
    return before;
  });
}
