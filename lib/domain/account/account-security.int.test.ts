import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { auditLog, authSessions, users } from "@/drizzle/schema";
import { verifyPassword } from "@/lib/domain/auth/password";
import { checkSession, revokeSession, startSession } from "@/lib/domain/auth/sessions";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { actorOf, makeUser, testPassword } from "@/lib/tooling/testing/fixtures";
import type { UserSummary } from "@/lib/domain/users/manage-users";
import { revokeUserSessions } from "@/lib/domain/users/user-sessions";
import { changeOwnPassword, maxWrongCurrentPasswords } from "./change-password";
import { countLiveSessionsByUser, listLiveSessions } from "./live-sessions";
import { revokeOtherSessions, revokeOwnSession } from "./own-sessions";

const policy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000, touchEveryMs: 60_000 };
const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const newPassword = "a completely new passphrase";

describe(`account security: password change and sessions [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  const sessionOf = (user: UserSummary, at = new Date(), version = 1) =>
    startSession(t.db, { id: user.id, sessionVersion: version }, meta, at);
  const auditOf = (action: string, targetId: string) =>
    t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)))
      .orderBy(auditLog.id);
  const storedHash = async (userId: string) =>
    (await t.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)))[0]?.h ?? "";

  it("refuses a wrong current password, counts it per session, audits it, and ends the session at the limit", async () => {
    const user = await makeUser(t.db, "ops");
    const current = { userId: user.id, sessionId: await sessionOf(user) };
    const hashBefore = await storedHash(user.id);
    for (let attempt = 1; attempt < maxWrongCurrentPasswords; attempt += 1) {
      await expect(
        changeOwnPassword(
          t.db,
          actorOf(user),
          current,
          { currentPassword: `wrong ${attempt}`, newPassword },
          policy,
          new Date(),
        ),
      ).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        options: { fieldErrors: { currentPassword: ["is not your current password"] } },
      });
      expect((await checkSession(t.db, current.sessionId, policy, new Date())).ok).toBe(true);
    }
    await expect(
      changeOwnPassword(
        t.db,
        actorOf(user),
        current,
        { currentPassword: "wrong again", newPassword },
        policy,
        new Date(),
      ),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await checkSession(t.db, current.sessionId, policy, new Date())).toEqual({ ok: false, reason: "revoked" });
    // Even the right password no longer works from this session, and nothing was changed.
    await expect(
      changeOwnPassword(
        t.db,
        actorOf(user),
        current,
        { currentPassword: testPassword, newPassword },
        policy,
        new Date(),
      ),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await storedHash(user.id)).toBe(hashBefore);
    const failures = await auditOf("user.password_change_failed", user.id);
    expect(failures.map((row) => row.after)).toEqual(
      Array.from({ length: maxWrongCurrentPasswords }, (_, i) => ({
        reason: "wrong_current_password",
        attempt: i + 1,
        maxAttempts: maxWrongCurrentPasswords,
        sessionEnded: i + 1 === maxWrongCurrentPasswords,
      })),
    );
    expect(failures.every((row) => row.actorUserId === user.id)).toBe(true);
  });

  it("lets parallel guesses use no more than the session's attempts", async () => {
    const user = await makeUser(t.db, "merchant");
    const current = { userId: user.id, sessionId: await sessionOf(user) };
    const outcomes = await Promise.allSettled(
      Array.from({ length: maxWrongCurrentPasswords + 3 }, (_, i) =>
        changeOwnPassword(
          t.db,
          actorOf(user),
          current,
          { currentPassword: `parallel guess ${i}`, newPassword },
          policy,
          new Date(),
        ),
      ),
    );
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
    expect(await auditOf("user.password_change_failed", user.id)).toHaveLength(maxWrongCurrentPasswords);
  });

  it("changes the password, ends the other sessions and keeps this one", async () => {
    const user = await makeUser(t.db, "ops");
    const now = new Date();
    const current = { userId: user.id, sessionId: await sessionOf(user, now) };
    const other = await sessionOf(user, now);
    const stale = await sessionOf(user, new Date(now.getTime() - 2 * policy.idleMs));
    const stranger = await makeUser(t.db, "ops");
    const strangersSession = await sessionOf(stranger, now);
    // One wrong try first: the count starts again after a success.
    await expect(
      changeOwnPassword(t.db, actorOf(user), current, { currentPassword: "not it", newPassword }, policy, now),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });

    const ended = await changeOwnPassword(
      t.db,
      actorOf(user),
      current,
      { currentPassword: testPassword, newPassword },
      policy,
      now,
    );

    expect(ended).toBe(1);
    expect((await checkSession(t.db, current.sessionId, policy, now)).ok).toBe(true);
    expect(await checkSession(t.db, other, policy, now)).toEqual({ ok: false, reason: "revoked" });
    expect((await checkSession(t.db, stale, policy, now)).ok).toBe(false);
    expect((await checkSession(t.db, strangersSession, policy, now)).ok).toBe(true);
    const hash = await storedHash(user.id);
    expect(await verifyPassword(hash, newPassword)).toBe(true);
    expect(await verifyPassword(hash, testPassword)).toBe(false);
    const [kept] = await t.db.select().from(authSessions).where(eq(authSessions.id, current.sessionId));
    expect(kept?.passwordChangeFailures).toBe(0);
    expect((await auditOf("user.password_changed", user.id)).map((row) => row.after)).toEqual([
      { by: "self", endedOtherSessions: 1, closedSessions: 2 },
    ]);
    // A session started with the old version (a sign-in racing with the change) does not stand.
    expect(await checkSession(t.db, await sessionOf(user, now, 1), policy, now)).toEqual({
      ok: false,
      reason: "superseded",
    });
  });

  it("refuses a new password equal to the current one without counting it as a wrong guess", async () => {
    const user = await makeUser(t.db, "ops");
    const current = { userId: user.id, sessionId: await sessionOf(user) };
    await expect(
      changeOwnPassword(
        t.db,
        actorOf(user),
        current,
        { currentPassword: testPassword, newPassword: testPassword },
        policy,
        new Date(),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      options: { fieldErrors: { newPassword: ["must be different from your current password"] } },
    });
    expect(await auditOf("user.password_change_failed", user.id)).toHaveLength(0);
  });

  it("refuses a common new password with the same rule as an admin's reset, and keeps the old one", async () => {
    const user = await makeUser(t.db, "ops");
    const current = { userId: user.id, sessionId: await sessionOf(user) };
    await expect(
      changeOwnPassword(
        t.db,
        actorOf(user),
        current,
        { currentPassword: testPassword, newPassword: "password1234" },
        policy,
        new Date(),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      options: { fieldErrors: { newPassword: [expect.stringMatching(/^is too common or too easy to guess/)] } },
    });
    expect(await auditOf("user.password_changed", user.id)).toHaveLength(0);
  });

  it("lists only the user's live sessions", async () => {
    const user = await makeUser(t.db, "merchant");
    const now = new Date();
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    const live = await sessionOf(user, minutesAgo(5));
    const alsoLive = await sessionOf(user, now);
    const revoked = await sessionOf(user, now);
    await revokeSession(t.db, revoked, "signed_out", now);
    await sessionOf(user, minutesAgo(31)); // idle
    const expired = await sessionOf(user, minutesAgo(13 * 60));
    await t.db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, expired)); // active, but past the absolute limit
    await sessionOf(user, now, 0); // superseded (an older session version)
    const other = await makeUser(t.db, "merchant");
    await sessionOf(other, now);

    const listed = await listLiveSessions(t.db, user.id, policy, now);
    expect(listed.map((s) => s.id)).toEqual([alsoLive, live]);
    expect(listed[0]).toMatchObject({ ip: "127.0.0.1", userAgent: "vitest" });
    for (const id of listed.map((s) => s.id)) expect((await checkSession(t.db, id, policy, now)).ok).toBe(true);
    const counts = await countLiveSessionsByUser(t.db, policy, now);
    expect(counts.get(user.id)).toBe(2);
    expect(counts.get(other.id)).toBe(1);
  });

  it("lets a user end one of their other sessions, or all of them, and keeps the one in use", async () => {
    const user = await makeUser(t.db, "ops");
    const now = new Date();
    const current = { userId: user.id, sessionId: await sessionOf(user, now) };
    const [a, b, c] = [await sessionOf(user, now), await sessionOf(user, now), await sessionOf(user, now)];
    expect(await revokeOwnSession(t.db, actorOf(user), current, a, now)).toBe("revoked");
    expect(await revokeOwnSession(t.db, actorOf(user), current, a, now)).toBe("already_ended");
    await expect(revokeOwnSession(t.db, actorOf(user), current, current.sessionId, now)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await checkSession(t.db, a, policy, now)).toEqual({ ok: false, reason: "revoked" });

    expect(await revokeOtherSessions(t.db, actorOf(user), current, policy, now)).toBe(2);
    for (const id of [b, c])
      expect(await checkSession(t.db, id, policy, now)).toEqual({ ok: false, reason: "revoked" });
    expect((await checkSession(t.db, current.sessionId, policy, now)).ok).toBe(true);
    expect(await revokeOtherSessions(t.db, actorOf(user), current, policy, now)).toBe(0);

    const audited = await t.db
      .select({ action: auditLog.action, targetId: auditLog.targetId, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.session_revoked_by_user"), eq(auditLog.actorUserId, user.id)))
      .orderBy(auditLog.id);
    expect(audited).toEqual([
      { action: "auth.session_revoked_by_user", targetId: a, after: { scope: "one" } },
      {
        action: "auth.session_revoked_by_user",
        targetId: user.id,
        after: { scope: "all_others", signedOutSessions: 2, closedSessions: 2 },
      },
    ]);
  });

  it("refuses to end another user's session, changes nothing, and audits the attempt", async () => {
    const user = await makeUser(t.db, "ops");
    const victim = await makeUser(t.db, "finance");
    const now = new Date();
    const current = { userId: user.id, sessionId: await sessionOf(user, now) };
    const victimsSession = await sessionOf(victim, now);
    await expect(revokeOwnSession(t.db, actorOf(user), current, victimsSession, now)).rejects.toMatchObject({
      code: "NOT_FOUND",
      userMessage: "That session is not one of yours, so nothing was signed out.",
    });
    await expect(
      revokeOwnSession(t.db, actorOf(user), current, "00000000-0000-4000-8000-00000000abcd", now),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await checkSession(t.db, victimsSession, policy, now)).ok).toBe(true);
    const refused = await auditOf("auth.session_revoke_refused", victimsSession);
    expect(refused.map((row) => [row.actorUserId, row.after])).toEqual([[user.id, { reason: "not_own_session" }]]);
    // Ending "all other sessions" never reaches past the user's own.
    await revokeOtherSessions(t.db, actorOf(user), current, policy, now);
    expect((await checkSession(t.db, victimsSession, policy, now)).ok).toBe(true);
  });

  it("lets an admin sign a user out everywhere, audited, without disabling them", async () => {
    const admin = await makeUser(t.db, "admin");
    const user = await makeUser(t.db, "merchant");
    const now = new Date();
    const sessions = [await sessionOf(user, now), await sessionOf(user, now)];
    const adminsSession = await sessionOf(admin, now);

    expect(await revokeUserSessions(t.db, actorOf(admin), { userId: user.id }, policy, now)).toEqual({
      email: user.email,
      liveSessions: 2,
    });

    for (const id of sessions) expect((await checkSession(t.db, id, policy, now)).ok).toBe(false);
    expect((await checkSession(t.db, adminsSession, policy, now)).ok).toBe(true);
    const [row] = await t.db
      .select({ v: users.sessionVersion, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row).toEqual({ v: 2, disabledAt: null });
    expect((await checkSession(t.db, await sessionOf(user, now, 2), policy, now)).ok).toBe(true);
    const audited = await auditOf("user.sessions_revoked", user.id);
    expect(audited.map((r) => [r.actorUserId, r.before, r.after])).toEqual([
      [admin.id, { liveSessions: 2 }, { closedSessions: 2 }],
    ]);
    const revokedReasons = await t.db
      .select({ r: authSessions.revokedReason })
      .from(authSessions)
      .where(inArray(authSessions.id, sessions));
    expect(revokedReasons.map((r) => r.r)).toEqual(["revoked_by_admin", "revoked_by_admin"]);
    await expect(
      revokeUserSessions(t.db, actorOf(admin), { userId: "00000000-0000-4000-8000-00000000abcd" }, policy, now),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
