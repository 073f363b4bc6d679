import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog } from "@/drizzle/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/testing/test-database";
import { makeUser, testPassword } from "@/lib/testing/fixtures";
import { signIn } from "./sign-in";

const policy = { maxFailuresPerAccount: 5, maxFailuresPerIp: 20, lockMs: 15 * 60_000 };

describe(`sign-in throttling [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  it("accepts the right password, starts a session and audits it", async () => {
    const user = await makeUser(t.db, "finance");
    const result = await signIn(t.db, { email: user.email.toUpperCase(), password: testPassword, ip: "10.0.0.1", userAgent: "ua" }, policy);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user.role).toBe("finance");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, result.user.sessionId));
    expect(audit.map((a) => a.action)).toEqual(["auth.sign_in"]);
  });

  it("answers the same for an unknown email and a wrong password", async () => {
    const user = await makeUser(t.db, "ops");
    const wrong = await signIn(t.db, { email: user.email, password: "nope-nope-nope", ip: "10.0.0.2", userAgent: null }, policy);
    const unknown = await signIn(t.db, { email: "ghost@example.test", password: "nope-nope-nope", ip: "10.0.0.2", userAgent: null }, policy);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after 5 failures for 15 minutes, even with the right password", async () => {
    const user = await makeUser(t.db, "merchant");
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 4; i += 1) {
      const r = await signIn(t.db, { email: user.email, password: "wrong-password!", ip: `10.1.0.${i}`, userAgent: null }, policy, new Date(start.getTime() + i * 1000));
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const fifth = await signIn(t.db, { email: user.email, password: "wrong-password!", ip: "10.1.0.9", userAgent: null }, policy, new Date(start.getTime() + 4000));
    expect(fifth).toMatchObject({ ok: false, reason: "locked", scope: "account" });

    const during = await signIn(t.db, { email: user.email, password: testPassword, ip: "10.1.0.10", userAgent: null }, policy, new Date(start.getTime() + 10 * 60_000));
    expect(during).toMatchObject({ ok: false, reason: "locked", scope: "account" });
    if (during.ok || during.reason !== "locked") return;
    expect(during.retryAt.toISOString()).toBe(new Date(start.getTime() + 15 * 60_000).toISOString());

    const after = await signIn(t.db, { email: user.email, password: testPassword, ip: "10.1.0.11", userAgent: null }, policy, new Date(start.getTime() + 16 * 60_000));
    expect(after.ok).toBe(true);
  });

  it("locks an IP address that fails across many accounts", async () => {
    const ip = "10.9.9.9";
    const start = new Date("2026-02-01T10:00:00Z");
    const ipPolicy = { ...policy, maxFailuresPerIp: 3 };
    for (let i = 0; i < 3; i += 1) {
      await signIn(t.db, { email: `spray-${i}@example.test`, password: "wrong-password!", ip, userAgent: null }, ipPolicy, new Date(start.getTime() + i));
    }
    const user = await makeUser(t.db, "admin");
    const blocked = await signIn(t.db, { email: user.email, password: testPassword, ip, userAgent: null }, ipPolicy, new Date(start.getTime() + 10));
    expect(blocked).toMatchObject({ ok: false, reason: "locked", scope: "ip" });
    const elsewhere = await signIn(t.db, { email: user.email, password: testPassword, ip: "10.9.9.10", userAgent: null }, ipPolicy, new Date(start.getTime() + 10));
    expect(elsewhere.ok).toBe(true);
  });
});
