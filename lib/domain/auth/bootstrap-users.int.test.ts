import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { users } from "@/drizzle/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { bootstrapUsers } from "./bootstrap-users";
import { demoUsers } from "./demo-users";
import { checkTotp, totpCodeFor } from "./mfa/totp";

describe(`bootstrapUsers [${testDatabaseKind}]`, () => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.dispose());

  it("seeds one demo user per role in sandbox mode, once", async () => {
    t = await createTestDatabase();
    expect(await bootstrapUsers(t.db, { mode: "sandbox" })).toBe("seeded-demo-users");
    expect(await bootstrapUsers(t.db, { mode: "sandbox" })).toBe("existing-users");
    const rows = await t.db.select({ email: users.email, role: users.role }).from(users);
    expect(rows).toHaveLength(demoUsers.length);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(["admin", "finance", "ops", "merchant"]));
  });

  it("enrols each demo user with the authenticator secret the README lists", async () => {
    t = await createTestDatabase();
    await bootstrapUsers(t.db, { mode: "sandbox" });
    const now = new Date();
    for (const demo of demoUsers) {
      const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, demo.email));
      expect(await checkTotp(t.db, user!.id, await totpCodeFor(demo.totpSecret, now), now)).toBe("ok");
    }
  });

  it("creates no default password in live mode", async () => {
    t = await createTestDatabase();
    expect(await bootstrapUsers(t.db, { mode: "live" })).toBe("no-users");
    expect(await t.db.select().from(users)).toHaveLength(0);
    expect(
      await bootstrapUsers(t.db, {
        mode: "live",
        adminEmail: "Root@Example.test",
        adminPassword: "a strong first password",
      }),
    ).toBe("created-first-admin");
    expect(await t.db.select({ email: users.email, role: users.role }).from(users)).toEqual([
      { email: "root@example.test", role: "admin" },
    ]);
  });

  it("refuses a common ADMIN_PASSWORD in live mode, naming the variable, and creates nobody", async () => {
    t = await createTestDatabase();
    await expect(
      bootstrapUsers(t.db, { mode: "live", adminEmail: "root@example.test", adminPassword: "password1234" }),
    ).rejects.toThrow(/^ADMIN_PASSWORD is too common or too easy to guess: /);
    expect(await t.db.select().from(users)).toHaveLength(0);
  });
});
