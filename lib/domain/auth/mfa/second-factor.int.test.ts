import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSessions } from "@/drizzle/schema";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { startSession } from "../sessions";
import { issueRecoveryCodes } from "./recovery-codes";
import { MAX_SECOND_FACTOR_FAILURES, verifyTypedSecondFactor } from "./second-factor";
import { newTotpSecret, storeConfirmedTotp, totpCodeFor } from "./totp";

describe(`second factor [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  const now = new Date("2026-05-02T09:00:00Z");

  async function enrolledSession() {
    const user = await makeUser(t.db, "finance");
    const secret = newTotpSecret();
    await storeConfirmedTotp(t.db, user.id, secret, now);
    const sessionId = await startSession(
      t.db,
      { id: user.id, sessionVersion: 1 },
      { ip: "127.0.0.1", userAgent: "vitest" },
      now,
    );
    return { session: { sessionId, userId: user.id }, secret };
  }
  const sessionRow = async (id: string) => (await t.db.select().from(authSessions).where(eq(authSessions.id, id)))[0]!;

  it("marks the session when the authenticator code is right", async () => {
    const { session, secret } = await enrolledSession();
    expect(
      await verifyTypedSecondFactor(t.db, session, { kind: "totp", code: await totpCodeFor(secret, now) }, now),
    ).toEqual({ ok: true, method: "totp" });
    const row = await sessionRow(session.sessionId);
    expect(row.secondFactorAt).toEqual(now);
    expect(row.secondFactorMethod).toBe("totp");
  });

  it("spends a recovery code once", async () => {
    const { session } = await enrolledSession();
    const [code] = await issueRecoveryCodes(t.db, session.userId, now);
    expect(
      await verifyTypedSecondFactor(t.db, session, { kind: "recovery_code", code: code!.toUpperCase() }, now),
    ).toMatchObject({ ok: true });
    expect(await verifyTypedSecondFactor(t.db, session, { kind: "recovery_code", code: code! }, now)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it(`revokes the session at the ${MAX_SECOND_FACTOR_FAILURES}th wrong answer`, async () => {
    const { session, secret } = await enrolledSession();
    for (let i = 1; i < MAX_SECOND_FACTOR_FAILURES; i++) {
      expect(await verifyTypedSecondFactor(t.db, session, { kind: "totp", code: "000000" }, now)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(
      await verifyTypedSecondFactor(
        t.db,
        session,
        { kind: "recovery_code", code: "aaaa-bbbb-cccc-dddd-eeee-ffff" },
        now,
      ),
    ).toEqual({ ok: false, reason: "locked" });
    expect((await sessionRow(session.sessionId)).revokedAt).toEqual(now);
    // Even the right code cannot revive it; the password must be given again.
    await verifyTypedSecondFactor(t.db, session, { kind: "totp", code: await totpCodeFor(secret, now) }, now);
    expect((await sessionRow(session.sessionId)).secondFactorAt).toBeNull();
  });
});
