import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSessions, signInAttempts } from "@/drizzle/schema";
import { makeUser, testPassword } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testServerUrl, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { verifyPassword } from "./password";
import { signIn, type SignInDeps, type SignInRequest } from "./sign-in";
import { naiveSignIn } from "./testing/naive-sign-in";
import type { ThrottlePolicy } from "./session-policy";

/**
 * Concurrent guesses for one account must not overtake the throttle: with a limit of 5 per
 * (account, address), at most 5 passwords are ever checked, however many arrive at once. On the
 * Postgres server only: PGlite has one connection, so nothing would run at once.
 */
const policy: ThrottlePolicy = { maxFailuresPerAccount: 5, maxFailuresPerIp: 20, lockMs: 15 * 60_000 };

type SignInFn = (
  db: TestDatabase["db"],
  request: SignInRequest,
  policy: ThrottlePolicy,
  now: Date,
  deps: SignInDeps,
) => Promise<{ ok: boolean }>;

describe.skipIf(!testServerUrl)("sign-in throttling under concurrency [postgres]", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ maxConnections: 40 });
  }, 180_000);
  afterAll(async () => t?.dispose());

  /** Fires every password at once for one account from one address; counts argon2 verifications. */
  async function burst(signInFn: SignInFn, passwords: string[]) {
    const user = await makeUser(t.db, "admin");
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    let verified = 0;
    const deps: SignInDeps = {
      async verify(hash, password) {
        verified += 1;
        return verifyPassword(hash, password);
      },
    };
    const now = new Date();
    const results = await Promise.all(
      passwords.map((password) =>
        signInFn(t.db, { email: user.email, password, ip, userAgent: null }, policy, now, deps),
      ),
    );
    return { user, verified, granted: results.filter((r) => r.ok).length };
  }

  const wrong = (n: number) => Array.from({ length: n }, (_, i) => `wrong password ${i}`);

  it("checks at most 5 of 100 concurrent wrong passwords for one account", async () => {
    const { user, verified, granted } = await burst(signIn, wrong(100));
    expect(granted).toBe(0);
    expect(verified).toBeLessThanOrEqual(policy.maxFailuresPerAccount);
    const settled = await t.db
      .select()
      .from(signInAttempts)
      .where(and(eq(signInAttempts.email, user.email), isNotNull(signInAttempts.succeeded)));
    expect(settled.length).toBe(verified);
  }, 120_000);

  it("29 wrong passwords and the right one sent together: at most 5 checked before the success, 5 after, one session", async () => {
    const passwords = [...wrong(29), testPassword].sort(() => Math.random() - 0.5);
    const { user, verified, granted } = await burst(signIn, passwords);
    expect(granted).toBeLessThanOrEqual(1);
    const sessions = await t.db.select().from(authSessions).where(eq(authSessions.userId, user.id));
    expect(sessions.length).toBe(granted);

    // A success ends the pair's run of failures (as it would for the owner typing it), so claims
    // made after it was settled start a new allowance of 5; claims made before it share one.
    const settled = await t.db
      .select({ succeeded: signInAttempts.succeeded })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.email, user.email), isNotNull(signInAttempts.succeeded)))
      .orderBy(signInAttempts.id);
    expect(settled.length).toBe(verified);
    const success = settled.findIndex((row) => row.succeeded);
    if (success === -1) {
      expect(verified).toBeLessThanOrEqual(policy.maxFailuresPerAccount);
      return;
    }
    expect(success + 1).toBeLessThanOrEqual(policy.maxFailuresPerAccount);
    expect(settled.length - success - 1).toBeLessThanOrEqual(policy.maxFailuresPerAccount);
  }, 120_000);

  it("the same bursts catch the planted check-then-insert version (the test bites)", async () => {
    const many = await burst(naiveSignIn, wrong(100));
    expect(many.verified).toBeGreaterThan(policy.maxFailuresPerAccount);
    const mixed = await burst(naiveSignIn, [...wrong(29), testPassword]);
    expect(mixed.verified).toBeGreaterThan(policy.maxFailuresPerAccount);
  }, 120_000);
});
