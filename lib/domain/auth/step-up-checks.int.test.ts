import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { verifyTypedSecondFactor } from "./mfa/second-factor";
import { newTotpSecret, storeConfirmedTotp, storeUnconfirmedTotp, totpCodeFor } from "./mfa/totp";
import { checkSession } from "./sessions";
import { hasStepUpFactor, requireFreshSecondFactor, stepUpGateFor } from "./step-up-checks";
import { startSession } from "./sessions";

describe(`step-up checks [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  const policy = { idleMs: 3_600_000, absoluteMs: 86_400_000, touchEveryMs: 60_000 };

  async function signedIn(enrol: "confirmed" | "unconfirmed" | "none") {
    const user = await makeUser(t.db, "finance");
    const secret = newTotpSecret();
    if (enrol === "confirmed") await storeConfirmedTotp(t.db, user.id, secret, new Date());
    if (enrol === "unconfirmed") await storeUnconfirmedTotp(t.db, user.id, secret, new Date());
    const sessionId = await startSession(
      t.db,
      { id: user.id, sessionVersion: 1 },
      { ip: null, userAgent: null },
      new Date(),
    );
    const current = async () => {
      const check = await checkSession(t.db, sessionId, policy, new Date());
      if (!check.ok) throw new Error(check.reason);
      return check.user;
    };
    return { user, secret, sessionId, current };
  }

  it("a password-only session is stale: refused with the 'enter the code' sentence, then fresh once a code is verified", async () => {
    const s = await signedIn("confirmed");
    expect((await s.current()).secondFactorAt).toBeNull();
    await expect(requireFreshSecondFactor(t.db, await s.current())).rejects.toMatchObject({
      code: "STEP_UP_REQUIRED",
      httpStatus: 403,
      userMessage: expect.stringContaining("authenticator app"),
    });

    const verified = await verifyTypedSecondFactor(
      t.db,
      { sessionId: s.sessionId, userId: s.user.id },
      { kind: "totp", code: await totpCodeFor(s.secret) },
      new Date(),
    );
    expect(verified).toMatchObject({ ok: true });
    const fresh = await s.current();
    expect(fresh.secondFactorAt).toBeInstanceOf(Date);
    await expect(requireFreshSecondFactor(t.db, fresh)).resolves.toBeUndefined();
    // Past the window (STEP_UP_MAX_AGE_MINUTES, default 5) it is stale again.
    expect(await stepUpGateFor(t.db, fresh, true, new Date(Date.now() + 6 * 60_000))).toMatchObject({
      code: "STEP_UP_REQUIRED",
    });
  });

  it("a user with no confirmed factor is told to set one up first", async () => {
    for (const enrol of ["none", "unconfirmed"] as const) {
      const s = await signedIn(enrol);
      expect(await hasStepUpFactor(t.db, s.user.id)).toBe(false);
      expect((await stepUpGateFor(t.db, await s.current(), true))?.message).toContain(
        "set up an authenticator app on the Account page first",
      );
    }
  });
});
