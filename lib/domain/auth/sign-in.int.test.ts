import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog } from "@/drizzle/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { makeUser, testPassword } from "@/lib/tooling/testing/fixtures";
import { signIn, signInErrorMessage } from "./sign-in";

const policy = { maxFailuresPerAccount: 5, maxFailuresPerIp: 20, lockMs: 15 * 60_000 };

describe(`sign-in throttling [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  it("accepts the right password, starts a session and audits it", async () => {
    const user = await makeUser(t.db, "finance");
    const result = await signIn(
      t.db,
      { email: user.email.toUpperCase(), password: testPassword, ip: "10.0.0.1", userAgent: "ua" },
      policy,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user.role).toBe("finance");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, result.user.sessionId));
    expect(audit.map((a) => a.action)).toEqual(["auth.sign_in"]);
  });

  it("answers the same for an unknown email and a wrong password", async () => {
    const user = await makeUser(t.db, "ops");
    const wrong = await signIn(
      t.db,
      { email: user.email, password: "nope-nope-nope", ip: "10.0.0.2", userAgent: null },
      policy,
    );
    const unknown = await signIn(
      t.db,
      { email: "ghost@example.test", password: "nope-nope-nope", ip: "10.0.0.2", userAgent: null },
      policy,
    );
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account out of one address after 5 failures from it for 15 minutes, even with the right password", async () => {
    const user = await makeUser(t.db, "merchant");
    const ip = "10.1.0.1";
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 4; i += 1) {
      const r = await signIn(
        t.db,
        { email: user.email, password: "wrong-password!", ip, userAgent: null },
        policy,
        new Date(start.getTime() + i * 1000),
      );
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const fifth = await signIn(
      t.db,
      { email: user.email, password: "wrong-password!", ip, userAgent: null },
      policy,
      new Date(start.getTime() + 4000),
    );
    expect(fifth).toMatchObject({ ok: false, reason: "locked", scope: "account" });

    const during = await signIn(
      t.db,
      { email: user.email, password: testPassword, ip, userAgent: null },
      policy,
      new Date(start.getTime() + 10 * 60_000),
    );
    expect(during).toMatchObject({ ok: false, reason: "locked", scope: "account" });
    if (during.ok || during.reason !== "locked") return;
    expect(during.retryAt.toISOString()).toBe(new Date(start.getTime() + 15 * 60_000).toISOString());

    // The owner on another address is not locked out by what happened on this one.
    const elsewhere = await signIn(
      t.db,
      { email: user.email, password: testPassword, ip: "10.1.0.2", userAgent: null },
      policy,
      new Date(start.getTime() + 10 * 60_000),
    );
    expect(elsewhere.ok).toBe(true);

    const after = await signIn(
      t.db,
      { email: user.email, password: testPassword, ip, userAgent: null },
      policy,
      new Date(start.getTime() + 16 * 60_000),
    );
    expect(after.ok).toBe(true);
  });

  it("a stranger failing from many addresses slows the account down but never locks its owner out", async () => {
    const admin = await makeUser(t.db, "admin");
    const start = new Date("2026-03-01T10:00:00Z");
    const at = (ms: number) => new Date(start.getTime() + ms);
    const ownIp = "10.3.0.1";
    expect(
      (await signIn(t.db, { email: admin.email, password: testPassword, ip: ownIp, userAgent: null }, policy, at(0)))
        .ok,
    ).toBe(true);

    // 40 strangers' addresses, each trying until refused, one attempt every 100 ms.
    let clock = 1_000;
    const refusals = new Set<string>();
    for (let a = 0; a < 40; a += 1) {
      for (let i = 0; i < 6; i += 1) {
        clock += 100;
        const r = await signIn(
          t.db,
          { email: admin.email, password: `guess ${a}-${i}`, ip: `10.4.${a}.1`, userAgent: null },
          policy,
          at(clock),
        );
        if (!r.ok) refusals.add(r.reason);
        if (!r.ok && r.reason !== "invalid") break;
      }
    }
    expect(refusals).toContain("slow_down");

    // A stranger's address that has failed before now waits a bounded, growing delay.
    const slowed = await signIn(
      t.db,
      { email: admin.email, password: "guess again", ip: "10.4.0.1", userAgent: null },
      policy,
      at(clock + 100),
    );
    expect(slowed).toMatchObject({ ok: false });
    if (!slowed.ok && slowed.reason === "slow_down")
      expect(slowed.retryAt.getTime() - at(clock + 100).getTime()).toBeLessThanOrEqual(60_000);

    // The owner's own address (signed in before) gets in at once, right password, even after a typo.
    const typo = await signIn(
      t.db,
      { email: admin.email, password: "typo", ip: ownIp, userAgent: null },
      policy,
      at(clock + 200),
    );
    expect(typo).toEqual({ ok: false, reason: "invalid" });
    expect(
      (
        await signIn(
          t.db,
          { email: admin.email, password: testPassword, ip: ownIp, userAgent: null },
          policy,
          at(clock + 300),
        )
      ).ok,
    ).toBe(true);
    // So does a new address with no failures for the account.
    expect(
      (
        await signIn(
          t.db,
          { email: admin.email, password: testPassword, ip: "10.5.0.1", userAgent: null },
          policy,
          at(clock + 400),
        )
      ).ok,
    ).toBe(true);
  }, 60_000);

  it("counts a claim like a failure until it is settled", async () => {
    const user = await makeUser(t.db, "ops");
    const ip = "10.6.0.1";
    const now = new Date("2026-04-01T10:00:00Z");
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let seen = 0;
    // The first attempt is held inside its password check; four more fill the pair's limit.
    const first = signIn(t.db, { email: user.email, password: "wrong-1", ip, userAgent: null }, policy, now, {
      verify: async () => {
        seen += 1;
        await held;
        return false;
      },
    });
    while (seen === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    for (let i = 2; i <= 5; i += 1)
      await signIn(t.db, { email: user.email, password: `wrong-${i}`, ip, userAgent: null }, policy, now);
    const sixth = await signIn(t.db, { email: user.email, password: testPassword, ip, userAgent: null }, policy, now);
    expect(sixth).toMatchObject({ ok: false, reason: "locked", scope: "account" });
    release();
    await first;
  });

  it("answers an unknown email exactly like a known one under throttling", async () => {
    const user = await makeUser(t.db, "finance");
    const now = new Date("2026-05-01T10:00:00Z");
    const run = async (email: string, ip: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i += 1)
        out.push(
          await signIn(
            t.db,
            { email, password: "wrong-password!", ip, userAgent: null },
            policy,
            new Date(now.getTime() + i),
          ),
        );
      return out;
    };
    expect(await run("nobody-here@example.test", "10.7.0.1")).toEqual(await run(user.email, "10.7.0.2"));
  });

  it("locks an IP address that fails across many accounts", async () => {
    const ip = "10.9.9.9";
    const start = new Date("2026-02-01T10:00:00Z");
    const ipPolicy = { ...policy, maxFailuresPerIp: 3 };
    for (let i = 0; i < 3; i += 1) {
      await signIn(
        t.db,
        { email: `spray-${i}@example.test`, password: "wrong-password!", ip, userAgent: null },
        ipPolicy,
        new Date(start.getTime() + i),
      );
    }
    const user = await makeUser(t.db, "admin");
    const blocked = await signIn(
      t.db,
      { email: user.email, password: testPassword, ip, userAgent: null },
      ipPolicy,
      new Date(start.getTime() + 10),
    );
    expect(blocked).toMatchObject({ ok: false, reason: "locked", scope: "ip" });
    const elsewhere = await signIn(
      t.db,
      { email: user.email, password: testPassword, ip: "10.9.9.10", userAgent: null },
      ipPolicy,
      new Date(start.getTime() + 10),
    );
    expect(elsewhere.ok).toBe(true);
  });

  it("words every refusal as one sentence", () => {
    const now = new Date("2026-01-01T10:00:00Z");
    const later = (ms: number) => new Date(now.getTime() + ms);
    expect(signInErrorMessage({ ok: false, reason: "slow_down", retryAt: later(1_000) }, now)).toBe(
      "This account has had many failed sign-ins, so wait 1 second before trying again.",
    );
    expect(signInErrorMessage({ ok: false, reason: "slow_down", retryAt: later(30_500) }, now)).toBe(
      "This account has had many failed sign-ins, so wait 31 seconds before trying again.",
    );
    expect(signInErrorMessage({ ok: false, reason: "locked", scope: "ip", retryAt: later(60_000) }, now)).toBe(
      "Too many failed sign-ins for your network address. Try again in 1 minute.",
    );
  });
});
