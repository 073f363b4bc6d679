import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { actorOf, makeUser, testActor } from "@/lib/tooling/testing/fixtures";
import { changeUserRole, resetUserPassword, setUserDisabled } from "@/lib/domain/users/manage-users";
import { markSecondFactor } from "./mfa/second-factor";
import { checkSession, revokeSession, rotateSession, startSession } from "./sessions";

const policy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000, touchEveryMs: 60_000 };
const meta = { ip: "127.0.0.1", userAgent: "vitest" };

describe(`sessions [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  async function sessionFor(role: "admin" | "finance" | "ops" | "merchant", at: Date) {
    const user = await makeUser(t.db, role);
    const sessionId = await startSession(t.db, { id: user.id, sessionVersion: 1 }, meta, at);
    return { user, sessionId };
  }

  it("ends after 30 idle minutes, and activity keeps it alive", async () => {
    const t0 = new Date("2026-03-01T08:00:00Z");
    const { sessionId } = await sessionFor("ops", t0);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    expect((await checkSession(t.db, sessionId, policy, at(29))).ok).toBe(true);
    expect((await checkSession(t.db, sessionId, policy, at(58))).ok).toBe(true);
    expect(await checkSession(t.db, sessionId, policy, at(89))).toEqual({ ok: false, reason: "idle" });
  });

  it("ends 12 hours after sign-in however active the user is", async () => {
    const t0 = new Date("2026-03-02T08:00:00Z");
    const { sessionId } = await sessionFor("finance", t0);
    for (let minutes = 20; minutes <= 12 * 60; minutes += 20) {
      const check = await checkSession(t.db, sessionId, policy, new Date(t0.getTime() + minutes * 60_000));
      expect(check.ok).toBe(true);
    }
    const late = await checkSession(t.db, sessionId, policy, new Date(t0.getTime() + (12 * 60 + 1) * 60_000));
    expect(late).toEqual({ ok: false, reason: "expired" });
  });

  it("reads the role from the database: a role change applies on the next request", async () => {
    const now = new Date();
    const { user, sessionId } = await sessionFor("finance", now);
    const admin = await makeUser(t.db, "admin");
    await changeUserRole(t.db, actorOf(admin), { userId: user.id, role: "ops" });
    const check = await checkSession(t.db, sessionId, policy, now);
    expect(check.ok && check.user.role).toBe("ops");
  });

  it("refuses a disabled user's session at once, and a reset password signs them out", async () => {
    const now = new Date();
    const admin = await makeUser(t.db, "admin");
    const a = await sessionFor("merchant", now);
    await setUserDisabled(t.db, actorOf(admin), { userId: a.user.id, disabled: true });
    expect((await checkSession(t.db, a.sessionId, policy, now)).ok).toBe(false);

    const b = await sessionFor("merchant", now);
    await resetUserPassword(t.db, testActor, { userId: b.user.id, password: "a brand new password" });
    expect((await checkSession(t.db, b.sessionId, policy, now)).ok).toBe(false);
  });

  it("a signed-out session stays out", async () => {
    const now = new Date();
    const { sessionId } = await sessionFor("admin", now);
    expect(await revokeSession(t.db, sessionId, "signed_out", now)).toBe(true);
    expect(await checkSession(t.db, sessionId, policy, now)).toEqual({ ok: false, reason: "revoked" });
    expect(await revokeSession(t.db, sessionId, "signed_out", now)).toBe(false);
  });

  it("a second factor at sign-in gives a new session; the password-only one is over", async () => {
    const t0 = new Date("2026-03-03T08:00:00Z");
    const { sessionId } = await sessionFor("finance", t0);
    const verifiedAt = new Date(t0.getTime() + 20_000);
    await markSecondFactor(t.db, sessionId, "totp", verifiedAt);
    const rotated = await rotateSession(t.db, sessionId, verifiedAt);
    expect(rotated).not.toBeNull();
    expect(rotated).not.toBe(sessionId);
    expect(await checkSession(t.db, sessionId, policy, verifiedAt)).toEqual({ ok: false, reason: "revoked" });
    const check = await checkSession(t.db, rotated!, policy, verifiedAt);
    expect(check).toMatchObject({ ok: true, stage: "full", user: { secondFactorAt: verifiedAt } });
    // The absolute timeout still counts from the password.
    expect(await checkSession(t.db, rotated!, policy, new Date(t0.getTime() + 12 * 3_600_000 + 60_000))).toEqual({
      ok: false,
      reason: "expired",
    });
    // A session that ended meanwhile is not brought back.
    expect(await rotateSession(t.db, sessionId, verifiedAt)).toBeNull();
  });
});
