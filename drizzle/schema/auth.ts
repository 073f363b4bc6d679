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
    /**
     * When a second factor was last verified in this session (at sign-in or a step-up). Null:
     * only the password was given, so the session is not yet a full one when the user has a
     * factor or must enrol one. Step-up freshness is measured from here.
     */
    secondFactorAt: timestamptz(),
    /** "totp" | "recovery_code" | "passkey": the factor that set secondFactorAt. */
    secondFactorMethod: text(),
    /** Wrong second-factor answers in this session; past the limit the session is revoked. */
    secondFactorFailures: integer().notNull().default(0),
    /** The WebAuthn challenge last issued to this session (single use, short-lived). */
    webauthnChallenge: text(),
    webauthnChallengeAt: timestamptz(),
    /** Wrong current passwords typed on the change-password form in this session; past the limit it is revoked. */
    passwordChangeFailures: integer().notNull().default(0),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId, t.createdAt)],
);

/**
 * A user's authenticator-app secret, encrypted at rest (lib/domain/auth/mfa/secret-box.ts). Unconfirmed
 * until the user has typed one code from it. lastUsedStep makes each code single use.
 */
export const totpFactors = pgTable("totp_factors", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id),
  secretCiphertext: text().notNull(),
  confirmedAt: timestamptz(),
  lastUsedStep: bigint({ mode: "number" }),
  createdAt: timestamptz().notNull().defaultNow(),
});

/** One-time recovery codes, stored as SHA-256 hashes only (the codes are shown once). */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    codeHash: text().notNull(),
    usedAt: timestamptz(),
    createdAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId), uniqueIndex("recovery_codes_hash_unique").on(t.codeHash)],
);

/** Passkeys and security keys (WebAuthn credentials), one row per registered authenticator. */
export const webauthnCredentials = pgTable(
  "webauthn_credentials",
  {
    /** The credential id, base64url. */
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** COSE public key, base64url. */
    publicKey: text().notNull(),
    counter: bigint({ mode: "number" }).notNull().default(0),
    transports: text().array(),
    deviceType: text(),
    backedUp: boolean().notNull().default(false),
    name: text().notNull(),
    createdAt: timestamptz().notNull().defaultNow(),
    lastUsedAt: timestamptz(),
  },
  (t) => [index("webauthn_credentials_user_idx").on(t.userId)],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamptz().notNull().defaultNow(),
    email: text().notNull(),
    ip: text().notNull(),
    /**
     * Null while the attempt is a claim whose password is still being checked (lib/domain/auth/sign-in.ts):
     * a claim counts like a failure until it is settled, so concurrent guesses cannot overtake the limit.
     */
    succeeded: boolean(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.at.desc()),
    index("sign_in_attempts_ip_idx").on(t.ip, t.at.desc()),
    index("sign_in_attempts_email_ip_idx").on(t.email, t.ip, t.at.desc()),
  ],
);
