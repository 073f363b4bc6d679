import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies, TrustedProxiesError } from "./net/trusted-proxies";

/**
 * The only reader of process.env. Every variable is parsed here, once; a bad value stops
 * start-up with a message naming the variable. Provider credentials are required only in
 * live mode: in sandbox mode they default to the sandbox simulators' own credentials.
 */

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const intWithDefault = (fallback: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), "must be a postgres:// or postgresql:// URL");

const httpUrl = z
  .string()
  .url("must be an absolute http(s) URL")
  .refine((v) => /^https?:\/\//.test(v), "must be http(s)");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: intWithDefault(3000, 1, 65535),
    APP_URL: z.preprocess(emptyToUndefined, httpUrl.optional()),
    DATABASE_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
    PGLITE_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/pglite")),
    AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
    PROVIDER_MODE: z.preprocess(emptyToUndefined, z.enum(["sandbox", "live"]).default("sandbox")),
    SESSION_IDLE_MINUTES: intWithDefault(30, 1, 24 * 60),
    SESSION_ABSOLUTE_HOURS: intWithDefault(12, 1, 24 * 7),
    SIGNIN_MAX_FAILURES: intWithDefault(5, 1, 100),
    SIGNIN_IP_MAX_FAILURES: intWithDefault(20, 1, 10_000),
    SIGNIN_LOCK_MINUTES: intWithDefault(15, 1, 24 * 60),
    /** Unset: no proxy, the socket peer is the client. A hop count, or a list of proxy addresses/CIDRs. */
    TRUSTED_PROXIES: z.preprocess(emptyToUndefined, z.string().optional()).transform((value, ctx) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        if (!(error instanceof TrustedProxiesError)) throw error;
        ctx.addIssue({ code: "custom", message: error.message });
        return z.NEVER;
      }
    }),
    /** Roles that must verify a second factor at sign-in (and enrol one first), comma-separated. */
    MFA_REQUIRED_ROLES: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default("admin,finance")
        .transform((value) =>
          value
            .split(",")
            .map((role) => role.trim())
            .filter(Boolean),
        )
        .pipe(
          z.array(
            z.enum(["admin", "finance", "ops", "merchant"], {
              error: "must list only admin, finance, ops or merchant",
            }),
          ),
        ),
    ),
    /** Step-up: how recent a second factor must be for money and power actions (refunds, exports, users, settings). */
    STEP_UP_MAX_AGE_MINUTES: intWithDefault(5, 1, 60),
    ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.string().email("must be an email address").optional()),
    ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(12, "must be at least 12 characters").optional()),
    CHECKOUT_BASE_URL: z.preprocess(emptyToUndefined, httpUrl.optional()),
    CHECKOUT_SECRET_KEY: optionalString,
    CHECKOUT_WEBHOOK_SECRET: optionalString,
    CHECKOUT_PROCESSING_CHANNEL_ID: optionalString,
    OCTO_BASE_URL: z.preprocess(emptyToUndefined, httpUrl.optional()),
    OCTO_SHOP_ID: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
    OCTO_SECRET: optionalString,
    OCTO_NOTIFY_KEY: optionalString,
    OCTOPUS_CARDS_BASE_URL: z.preprocess(emptyToUndefined, httpUrl.optional()),
    OCTOPUS_CARDS_API_KEY: optionalString,
    OCTOPUS_CARDS_API_SECRET: optionalString,
    OCTOPUS_CARDS_WEBHOOK_SECRET: optionalString,
    /** Where alert emails are sent: smtp:// or smtps:// (user and password in the URL). Unset: in sandbox mode the built-in mail sink; in live mode no alert email. */
    ALERT_SMTP_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((value) => /^smtps?:\/\/[^/]+/.test(value), "must be an smtp:// or smtps:// URL")
        .optional(),
    ),
    /** The From of alert emails. */
    ALERT_EMAIL_FROM: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .min(3, "must be an address such as Payments Ops <alerts@example.com>")
        .default("Payments Ops <alerts@payments-ops.invalid>"),
    ),
    /** Sandbox only: the port the built-in mail sink listens on (127.0.0.1), when ALERT_SMTP_URL is unset. */
    SANDBOX_SMTP_PORT: intWithDefault(2525, 1, 65535),
    /** Sandbox only: how many payments to seed into a fresh ledger (0 = none). */
    SANDBOX_SEED_PAYMENTS: intWithDefault(300, 0, 5000),
    /** Sandbox only: a bearer token that opens /api/sandbox-control/* without a session (unset: token access off). */
    SANDBOX_CONTROL_TOKEN: z.preprocess(
      emptyToUndefined,
      z.string().min(32, "must be at least 32 characters").optional(),
    ),
    /** Sandbox only: "1" keeps the demo users (published password) even when the server is reachable beyond localhost. */
    SANDBOX_DEMO_USERS: z.preprocess(emptyToUndefined, z.enum(["0", "1"]).default("0")),
    /** The server log's level (JSON lines on stdout); unset: info, or silent under Vitest. */
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    ),
    /** npm run bench:server only: "1" serves the static benchmark floor page (app/bench/static-payments). */
    BENCH_PAGES: z.preprocess(emptyToUndefined, z.enum(["0", "1"]).default("0")),
  })
  .superRefine((value, ctx) => {
    if (value.PROVIDER_MODE !== "live") return;
    const requiredInLive = [
      "AUTH_SECRET",
      "APP_URL",
      "CHECKOUT_BASE_URL",
      "CHECKOUT_SECRET_KEY",
      "CHECKOUT_WEBHOOK_SECRET",
      "CHECKOUT_PROCESSING_CHANNEL_ID",
      "OCTO_BASE_URL",
      "OCTO_SHOP_ID",
      "OCTO_SECRET",
      "OCTO_NOTIFY_KEY",
      "OCTOPUS_CARDS_BASE_URL",
      "OCTOPUS_CARDS_API_KEY",
      "OCTOPUS_CARDS_API_SECRET",
      "OCTOPUS_CARDS_WEBHOOK_SECRET",
    ] as const;
    for (const key of requiredInLive) {
      if (value[key] === undefined) {
        ctx.addIssue({ code: "custom", path: [key], message: "is required when PROVIDER_MODE=live" });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
}

export const env: Env = parseEnv(process.env);

export const isSandbox = env.PROVIDER_MODE === "sandbox";

export const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;

/** Tests print no log lines unless LOG_LEVEL asks for them (a test that checks a line captures it). */
export const logLevel = env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info");

/** Local state (PGlite data, the generated sandbox auth secret) lives here, git-ignored. */
export const localDataDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data");

let cachedAuthSecret: string | undefined;

/**
 * In live mode AUTH_SECRET is required (checked above). In sandbox mode a missing secret is
 * generated once and kept in .data/auth-secret, so sessions survive restarts with zero set-up.
 */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (cachedAuthSecret) return cachedAuthSecret;
  const file = path.join(localDataDir, "auth-secret");
  mkdirSync(localDataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  cachedAuthSecret = readFileSync(file, "utf8").trim();
  return cachedAuthSecret;
}

/** next-auth v4 reads its base URL from process.env itself; keep it in step with APP_URL. */
export function exportNextAuthUrl(): void {
  process.env.NEXTAUTH_URL ??= appUrl;
}
