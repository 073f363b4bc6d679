import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, authSessions, recoveryCodes, totpFactors, webauthnCredentials } from "@/drizzle/schema";
import type { Role } from "@/lib/domain/auth/permissions";
import { actorOf, makeUser, testActor } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { resetUserFactors } from "@/lib/domain/users/reset-user-factors";
import { checkSession, startSession } from "../sessions";
import { confirmTotpEnrolment, enrolmentSecretFor } from "./enrolment";
import { issueRecoveryCodes } from "./recovery-codes";
import { verifyTypedSecondFactor } from "./second-factor";
import { checkTotp, newTotpSecret, storeConfirmedTotp, totpCodeFor } from "./totp";

const policy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  touchEveryMs: 60_000,
  mfaRequiredRoles: ["admin", "finance"] as Role[],
};
const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const t0 = new Date("2026-06-01T09:00:00Z");
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe(`session stages and enrolment [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  async function sessionFor(role: Role) {
    const user = await makeUser(t.db, role);
    const sessionId = await startSession(t.db, { id: user.id, sessionVersion: 1 }, meta, t0);
    return { user, sessionId, session: { sessionId, userId: user.id } };
  }
  const stageOf = async (sessionId: string, p = policy) => {
    const check = await checkSession(t.db, sessionId, p, t0);
    if (!check.ok) return check.reason;
    return check.stage === "full" ? "full" : `pending:${check.needs}`;
  };

  it("a password-only session is pending when the role requires MFA (enrol) or the user has any factor (verify)", async () => {
    expect(await stageOf((await sessionFor("finance")).sessionId)).toBe("pending:enrol");
    expect(await stageOf((await sessionFor("admin")).sessionId)).toBe("pending:enrol");
    expect(await stageOf((await sessionFor("ops")).sessionId)).toBe("full");

    const withTotp = await sessionFor("ops");
    await storeConfirmedTotp(t.db, withTotp.user.id, newTotpSecret(), t0);
    expect(await stageOf(withTotp.sessionId)).toBe("pending:verify");

    const withCodes = await sessionFor("merchant");
    await issueRecoveryCodes(t.db, withCodes.user.id, t0);
    expect(await stageOf(withCodes.sessionId)).toBe("pending:verify");

    const withPasskey = await sessionFor("merchant");
    await t.db
      .insert(webauthnCredentials)
      .values({ id: `cred-${withPasskey.user.id}`, userId: withPasskey.user.id, publicKey: "x", name: "Key" });
    expect(await stageOf(withPasskey.sessionId)).toBe("pending:verify");
  });

  it("the required roles come from the policy (MFA_REQUIRED_ROLES)", async () => {
    const ops = await sessionFor("ops");
    const finance = await sessionFor("finance");
    const opsOnly = { ...policy, mfaRequiredRoles: ["ops"] as Role[] };
    expect(await stageOf(ops.sessionId, opsOnly)).toBe("pending:enrol");
    expect(await stageOf(finance.sessionId, opsOnly)).toBe("full");
  });

  it("verifying the second factor makes the session full and exposes secondFactorAt", async () => {
    const { user, sessionId, session } = await sessionFor("finance");
    const secret = newTotpSecret();
    await storeConfirmedTotp(t.db, user.id, secret, t0);
    expect(
      await verifyTypedSecondFactor(t.db, session, { kind: "totp", code: await totpCodeFor(secret, t0) }, t0),
    ).toMatchObject({ ok: true });
    const check = await checkSession(t.db, sessionId, policy, t0);
    expect(check).toMatchObject({ ok: true, stage: "full", user: { secondFactorAt: t0 } });
  });

  it("the offered secret is stable for a session, different for another, and confirming it makes the session full with 10 recovery codes", async () => {
    const a = await sessionFor("finance");
    const other = await startSession(t.db, { id: a.user.id, sessionVersion: 1 }, meta, t0);
    const secret = await enrolmentSecretFor(t.db, a.session);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await enrolmentSecretFor(t.db, a.session)).toBe(secret);
    expect(await enrolmentSecretFor(t.db, { sessionId: other, userId: a.user.id })).not.toBe(secret);

    expect(await confirmTotpEnrolment(t.db, actorOf(a.user), a.session, "000000", { markSession: true }, t0)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await stageOf(a.sessionId)).toBe("pending:enrol");
    expect(await t.db.select().from(totpFactors).where(eq(totpFactors.userId, a.user.id))).toHaveLength(0);

    const result = await confirmTotpEnrolment(
      t.db,
      actorOf(a.user),
      a.session,
      await totpCodeFor(secret, t0),
      { markSession: true },
      t0,
    );
    expect(result).toMatchObject({ ok: true, replaced: false });
    expect(result.ok && result.recoveryCodes).toHaveLength(10);
    expect(await stageOf(a.sessionId)).toBe("full");
    // The other session of the same user still has to verify.
    expect(await stageOf(other)).toBe("pending:verify");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, a.user.id));
    expect(audit.map((row) => row.action)).toContain("auth.mfa_enrolled");
    expect(JSON.stringify(audit.map(({ before, after }) => ({ before, after })))).not.toContain(secret);
  });

  it("replacing the app keeps the old one until a code from the new one is confirmed, and keeps unused recovery codes", async () => {
    const { user, session } = await sessionFor("ops");
    const oldSecret = newTotpSecret();
    await storeConfirmedTotp(t.db, user.id, oldSecret, t0);
    await issueRecoveryCodes(t.db, user.id, t0);
    const offered = await enrolmentSecretFor(t.db, session);
    expect(
      await confirmTotpEnrolment(t.db, actorOf(user), session, "123456", { markSession: false }, later(1)),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(await checkTotp(t.db, user.id, await totpCodeFor(oldSecret, later(30)), later(30))).toBe("ok");

    const result = await confirmTotpEnrolment(
      t.db,
      actorOf(user),
      session,
      await totpCodeFor(offered, later(60)),
      { markSession: false },
      later(60),
    );
    expect(result).toEqual({ ok: true, replaced: true, recoveryCodes: null });
    expect(await checkTotp(t.db, user.id, await totpCodeFor(oldSecret, later(90)), later(90))).toBe("invalid");
    expect(await enrolmentSecretFor(t.db, session)).not.toBe(offered);
  });

  it("an administrator's reset removes every factor, ends every session and is audited; the user must enrol again", async () => {
    const { user, sessionId, session } = await sessionFor("finance");
    await storeConfirmedTotp(t.db, user.id, newTotpSecret(), t0);
    await issueRecoveryCodes(t.db, user.id, t0);
    await t.db
      .insert(webauthnCredentials)
      .values({ id: `cred-${user.id}`, userId: user.id, publicKey: "x", name: "Key" });
    await t.db.update(authSessions).set({ secondFactorAt: t0 }).where(eq(authSessions.id, session.sessionId));

    const result = await resetUserFactors(t.db, testActor, user.id, t0);
    expect(result).toEqual({ email: user.email, revokedSessions: 1 });
    expect(await stageOf(sessionId)).toBe("revoked");
    expect(await t.db.select().from(totpFactors).where(eq(totpFactors.userId, user.id))).toHaveLength(0);
    expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
    expect(await t.db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, user.id))).toHaveLength(
      0,
    );
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.mfa_reset"));
    expect(audit).toMatchObject({
      targetId: user.id,
      before: { totp: true, passkeys: 1, unusedRecoveryCodes: 10 },
      after: { revokedSessions: 1 },
    });

    const next = await startSession(t.db, { id: user.id, sessionVersion: 1 }, meta, t0);
    expect(await stageOf(next)).toBe("pending:enrol");
  });

  it("an administrator cannot reset their own factors", async () => {
    const admin = await makeUser(t.db, "admin");
    await expect(resetUserFactors(t.db, actorOf(admin), admin.id, t0)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
