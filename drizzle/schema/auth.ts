import { bigint, boolean, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

export const roles = ["admin", "finance", "ops", "merchant"] as const;
export const roleEnum = pgEnum("role", roles);


export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Always stored lower-cased and trimmed (see normalizeEmail). */
    email: text().notNull(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    passwordHash: text().notNull(),
    disabledAt: timestamptz(),
    /** Bumped to revoke every session of the user at once (password reset). */
    sessionVersion: integer().notNull().default(1),
    createdAt: timestamptz().notNull().defaultNow(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

/**
 * One row per signed-in browser. The next-auth JWT only carries this id; idle and absolute
 * timeouts, sign-out and revocation are decided here on every request, so they take effect
 * at once on every app instance.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    sessionVersion: integer().notNull(),
    createdAt: timestamptz().notNull().defaultNow(),
    lastSeenAt: timestamptz().notNull().defaultNow(),
    revokedAt: timestamptz(),
    revokedReason: text(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId, t.createdAt)],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamptz().notNull().defaultNow(),
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.at.desc()),
    index("sign_in_attempts_ip_idx").on(t.ip, t.at.desc()),
  ],
);
