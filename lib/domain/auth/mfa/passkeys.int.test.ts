import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, authSessions, webauthnCredentials } from "@/drizzle/schema";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { SoftwareAuthenticator } from "@/lib/tooling/testing/software-authenticator";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { startSession } from "../sessions";
import {
  finishPasskeyAuthentication,
  finishPasskeyRegistration,
  listPasskeys,
  PASSKEY_CHALLENGE_TTL_MS,
  relyingPartyFor,
  removePasskey,
  startPasskeyAuthentication,
  startPasskeyRegistration,
} from "./passkeys";

describe(`passkeys [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  const rp = relyingPartyFor("https://ops.example.test:8443/app");
  const now = new Date("2026-05-02T09:00:00Z");
  const later = (ms: number) => new Date(now.getTime() + ms);

  async function signedIn() {
    const user = await makeUser(t.db, "ops");
    const sessionId = await startSession(
      t.db,
      { id: user.id, sessionVersion: 1 },
      { ip: "127.0.0.1", userAgent: "vitest" },
      now,
    );
    return { user, actor: actorOf(user), session: { userId: user.id, sessionId } };
  }

  /**
   * A user with one passkey registered through the real ceremony, and a session that has not
   * verified a factor yet (as a sign-in after the password is), so each test sees what it marks.
   */
  async function withPasskey() {
    const who = await signedIn();
    const authenticator = new SoftwareAuthenticator(rp);
    const options = await startPasskeyRegistration(
      t.db,
      rp,
      { ...who.session, email: who.user.email, name: who.user.name },
      now,
    );
    await finishPasskeyRegistration(
      t.db,
      rp,
      who.actor,
      who.session,
      { name: "Work laptop", response: authenticator.register(options.challenge) },
      now,
    );
    await t.db
      .update(authSessions)
      .set({ secondFactorAt: null, secondFactorMethod: null })
      .where(eq(authSessions.id, who.session.sessionId));
    return { ...who, authenticator };
  }

  it("a first passkey counts for the session that registers it; a session that already has a factor keeps its time", async () => {
    const who = await signedIn();
    const first = await startPasskeyRegistration(
      t.db,
      rp,
      { ...who.session, email: who.user.email, name: who.user.name },
      now,
    );
    await finishPasskeyRegistration(
      t.db,
      rp,
      who.actor,
      who.session,
      { name: "First", response: new SoftwareAuthenticator(rp).register(first.challenge) },
      now,
    );
    expect((await sessionRow(who.session.sessionId)).secondFactorAt).toEqual(now);
    const second = await startPasskeyRegistration(
      t.db,
      rp,
      { ...who.session, email: who.user.email, name: who.user.name },
      later(1000),
    );
    await finishPasskeyRegistration(
      t.db,
      rp,
      who.actor,
      who.session,
      { name: "Second", response: new SoftwareAuthenticator(rp).register(second.challenge) },
      later(1000),
    );
    expect((await sessionRow(who.session.sessionId)).secondFactorAt).toEqual(now);
  });

  const sessionRow = async (id: string) => (await t.db.select().from(authSessions).where(eq(authSessions.id, id)))[0]!;
  const lastAudit = async (userId: string) =>
    (await t.db.select().from(auditLog).where(eq(auditLog.actorUserId, userId)).orderBy(desc(auditLog.id)).limit(1))[0];

  async function challengeFor(session: { userId: string; sessionId: string }, at = now) {
    return (await startPasskeyAuthentication(t.db, rp, session, at)).challenge;
  }

  it("binds to APP_URL: RP id is its hostname, origin its origin", () => {
    expect(rp).toEqual({ id: "ops.example.test", origin: "https://ops.example.test:8443", name: "Payments Ops" });
  });

  it("registers a passkey and then verifies it, marking the session's second factor", async () => {
    const { user, actor, session, authenticator } = await withPasskey();
    expect(await listPasskeys(t.db, user.id)).toEqual([
      {
        id: authenticator.id,
        name: "Work laptop",
        createdAt: now,
        lastUsedAt: null,
        deviceType: "singleDevice",
        backedUp: false,
      },
    ]);
    expect(await lastAudit(user.id)).toMatchObject({ action: "auth.passkey_registered", targetId: authenticator.id });

    const options = await startPasskeyAuthentication(t.db, rp, session, later(1000));
    expect(options.allowCredentials).toEqual([{ id: authenticator.id, type: "public-key", transports: ["internal"] }]);
    const result = await finishPasskeyAuthentication(
      t.db,
      rp,
      actor,
      session,
      { purpose: "step-up", response: authenticator.assert(options.challenge) },
      later(2000),
    );
    expect(result).toEqual({ verifiedAt: later(2000), passkeyName: "Work laptop" });

    const row = await sessionRow(session.sessionId);
    expect(row.secondFactorAt).toEqual(later(2000));
    expect(row.secondFactorMethod).toBe("passkey");
    expect(row.webauthnChallenge).toBeNull();
    const [credential] = await t.db
      .select()
      .from(webauthnCredentials)
      .where(eq(webauthnCredentials.id, authenticator.id));
    expect(credential).toMatchObject({ counter: 1, lastUsedAt: later(2000) });
    expect(await lastAudit(user.id)).toMatchObject({
      action: "auth.passkey_verified",
      after: { purpose: "step-up", name: "Work laptop", counter: 1 },
    });
  });

  it("offers only the user's own credentials, and excludes them from a second registration", async () => {
    const { user, session, authenticator } = await withPasskey();
    await withPasskey();
    const options = await startPasskeyRegistration(t.db, rp, { ...session, email: user.email, name: user.name }, now);
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
    expect(options.rp).toEqual({ id: rp.id, name: "Payments Ops" });
    expect(options.user.name).toBe(user.email);
    expect(options.attestation).toBe("none");
  });

  it("refuses a replayed assertion: the challenge answers once", async () => {
    const { actor, session, authenticator } = await withPasskey();
    const assertion = authenticator.assert(await challengeFor(session));
    await finishPasskeyAuthentication(t.db, rp, actor, session, { purpose: "sign-in", response: assertion }, now);
    await expect(
      finishPasskeyAuthentication(t.db, rp, actor, session, { purpose: "sign-in", response: assertion }, now),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      userMessage: "This passkey request has expired or was already used, so start again.",
    });
    expect(await lastAudit(session.userId)).toMatchObject({
      action: "auth.passkey_failed",
      after: { ceremony: "authenticate", reason: "challenge" },
    });
  });

  it("lets only one of two concurrent answers to the same challenge through", async () => {
    const { actor, session, authenticator } = await withPasskey();
    const challenge = await challengeFor(session);
    const [first, second] = [authenticator.assert(challenge), authenticator.assert(challenge)];
    const results = await Promise.allSettled([
      finishPasskeyAuthentication(t.db, rp, actor, session, { purpose: "sign-in", response: first }, now),
      finishPasskeyAuthentication(t.db, rp, actor, session, { purpose: "sign-in", response: second }, now),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a challenge older than five minutes, and a registration challenge used to authenticate", async () => {
    const { user, actor, session, authenticator } = await withPasskey();
    const stale = await challengeFor(session);
    await expect(
      finishPasskeyAuthentication(
        t.db,
        rp,
        actor,
        session,
        { purpose: "sign-in", response: authenticator.assert(stale) },
        later(PASSKEY_CHALLENGE_TTL_MS + 1),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });

    const registration = await startPasskeyRegistration(
      t.db,
      rp,
      { ...session, email: user.email, name: user.name },
      now,
    );
    await expect(
      finishPasskeyAuthentication(
        t.db,
        rp,
        actor,
        session,
        { purpose: "sign-in", response: authenticator.assert(registration.challenge) },
        now,
      ),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect((await sessionRow(session.sessionId)).secondFactorAt).toBeNull();
  });

  it("refuses an answer signed for another origin or another RP id (phishing)", async () => {
    const { actor, session, authenticator } = await withPasskey();
    for (const overrides of [{ origin: "https://ops.example.test.evil.example" }, { rpId: "evil.example" }]) {
      await expect(
        finishPasskeyAuthentication(
          t.db,
          rp,
          actor,
          session,
          { purpose: "sign-in", response: authenticator.assert(await challengeFor(session), overrides) },
          now,
        ),
      ).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        userMessage: "Your passkey's answer could not be verified, so nothing was changed.",
      });
    }
    expect((await sessionRow(session.sessionId)).secondFactorAt).toBeNull();
    expect(await lastAudit(session.userId)).toMatchObject({
      action: "auth.passkey_failed",
      after: { reason: "invalid" },
    });
  });

  it("refuses a registration made on another origin or for another RP id", async () => {
    const who = await signedIn();
    const register = async (overrides: { origin?: string; rpId?: string }) => {
      const options = await startPasskeyRegistration(
        t.db,
        rp,
        { ...who.session, email: who.user.email, name: who.user.name },
        now,
      );
      return finishPasskeyRegistration(
        t.db,
        rp,
        who.actor,
        who.session,
        { name: "Phished", response: new SoftwareAuthenticator(rp).register(options.challenge, overrides) },
        now,
      );
    };
    await expect(register({ origin: "https://evil.example" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(register({ rpId: "evil.example" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await listPasskeys(t.db, who.user.id)).toEqual([]);
  });

  it("refuses a sign count that does not advance as a cloned authenticator, and audits it", async () => {
    const { actor, session, authenticator } = await withPasskey();
    authenticator.counter = 4;
    await finishPasskeyAuthentication(
      t.db,
      rp,
      actor,
      session,
      { purpose: "sign-in", response: authenticator.assert(await challengeFor(session)) },
      now,
    );
    for (const counter of [5, 3]) {
      await expect(
        finishPasskeyAuthentication(
          t.db,
          rp,
          actor,
          session,
          { purpose: "sign-in", response: authenticator.assert(await challengeFor(session), { counter }) },
          later(1000),
        ),
      ).rejects.toMatchObject({
        userMessage: "That passkey was refused because it looks copied; remove it and add it again.",
      });
    }
    expect(await lastAudit(session.userId)).toMatchObject({
      action: "auth.passkey_failed",
      after: { reason: "counter_regressed", storedCounter: 5, reportedCounter: 3 },
    });
    expect((await sessionRow(session.sessionId)).secondFactorAt).toEqual(now);
  });

  it("accepts an authenticator that never counts (sign count stays 0)", async () => {
    const { actor, session, authenticator } = await withPasskey();
    for (let i = 0; i < 2; i++) {
      await finishPasskeyAuthentication(
        t.db,
        rp,
        actor,
        session,
        { purpose: "sign-in", response: authenticator.assert(await challengeFor(session), { counter: 0 }) },
        now,
      );
    }
  });

  it("refuses another user's credential, even with a valid signature", async () => {
    const owner = await withPasskey();
    const other = await signedIn();
    // The other user has a passkey of their own, so they can get a challenge at all.
    const theirs = new SoftwareAuthenticator(rp);
    const reg = await startPasskeyRegistration(
      t.db,
      rp,
      { ...other.session, email: other.user.email, name: other.user.name },
      now,
    );
    await finishPasskeyRegistration(
      t.db,
      rp,
      other.actor,
      other.session,
      { name: "Mine", response: theirs.register(reg.challenge) },
      now,
    );
    await t.db.update(authSessions).set({ secondFactorAt: null }).where(eq(authSessions.id, other.session.sessionId));

    const stolen = owner.authenticator.assert(await challengeFor(other.session));
    await expect(
      finishPasskeyAuthentication(t.db, rp, other.actor, other.session, { purpose: "sign-in", response: stolen }, now),
    ).rejects.toMatchObject({
      userMessage: "That passkey is not registered to your account.",
    });
    expect((await sessionRow(other.session.sessionId)).secondFactorAt).toBeNull();
    expect(await lastAudit(other.user.id)).toMatchObject({
      action: "auth.passkey_failed",
      after: { reason: "unknown_credential" },
    });
  });

  it("refuses a second registration of the same credential", async () => {
    const { user, actor, session, authenticator } = await withPasskey();
    const options = await startPasskeyRegistration(t.db, rp, { ...session, email: user.email, name: user.name }, now);
    await expect(
      finishPasskeyRegistration(
        t.db,
        rp,
        actor,
        session,
        { name: "Again", response: authenticator.register(options.challenge) },
        now,
      ),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await listPasskeys(t.db, user.id)).toHaveLength(1);
  });

  it("removes the user's own passkey (audited) but not another user's", async () => {
    const { user, actor, authenticator } = await withPasskey();
    const other = await signedIn();
    await expect(removePasskey(t.db, other.actor, other.user.id, authenticator.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await listPasskeys(t.db, user.id)).toHaveLength(1);

    expect(await removePasskey(t.db, actor, user.id, authenticator.id)).toEqual({ name: "Work laptop" });
    expect(await listPasskeys(t.db, user.id)).toEqual([]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.passkey_removed"), eq(auditLog.targetId, authenticator.id)));
    expect(audit).toMatchObject({ actorUserId: user.id, before: { name: "Work laptop" } });
  });
});
