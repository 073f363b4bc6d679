import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { checkTotp, newTotpSecret, storeConfirmedTotp, storeUnconfirmedTotp, totpCodeFor } from "./totp";

describe(`TOTP factors [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  const t0 = new Date("2026-05-01T10:00:00Z");
  const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  it("accepts the current code once, and the next step's code after it", async () => {
    const user = await makeUser(t.db, "finance");
    const secret = newTotpSecret();
    await storeConfirmedTotp(t.db, user.id, secret, t0);
    const code = await totpCodeFor(secret, t0);
    expect(await checkTotp(t.db, user.id, code, t0)).toBe("ok");
    expect(await checkTotp(t.db, user.id, code, later(5))).toBe("reused");
    expect(await checkTotp(t.db, user.id, await totpCodeFor(secret, later(30)), later(31))).toBe("ok");
  });

  it("lets one of two concurrent uses of the same code win", async () => {
    const user = await makeUser(t.db, "finance");
    const secret = newTotpSecret();
    await storeConfirmedTotp(t.db, user.id, secret, t0);
    const code = await totpCodeFor(secret, t0);
    const results = await Promise.all([checkTotp(t.db, user.id, code, t0), checkTotp(t.db, user.id, code, t0)]);
    expect(results.sort()).toEqual(["ok", "reused"]);
  });

  it("refuses wrong, malformed and too-old codes, and a factor that is not confirmed", async () => {
    const user = await makeUser(t.db, "admin");
    const secret = newTotpSecret();
    await storeUnconfirmedTotp(t.db, user.id, secret, t0);
    const code = await totpCodeFor(secret, t0);
    expect(await checkTotp(t.db, user.id, code, t0)).toBe("not_enrolled");
    expect(await checkTotp(t.db, user.id, "12345x", t0, { pending: true })).toBe("invalid");
    expect(await checkTotp(t.db, user.id, await totpCodeFor(secret, later(-120)), t0, { pending: true })).toBe(
      "invalid",
    );
    expect(await checkTotp(t.db, user.id, code, t0, { pending: true })).toBe("ok");
    expect(await checkTotp(t.db, user.id, await totpCodeFor(secret, later(30)), later(30))).toBe("ok");
  });

  it("stores the secret encrypted, never in clear", async () => {
    const user = await makeUser(t.db, "ops");
    const secret = newTotpSecret();
    await storeConfirmedTotp(t.db, user.id, secret, t0);
    const rows = await t.db.execute(`select secret_ciphertext from totp_factors where user_id = '${user.id}'`);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });
});
