import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { auditLog, users } from "@/drizzle/schema";
import { AppError } from "@/lib/platform/errors";
import { databaseErrorOf } from "@/lib/tooling/testing/db-errors";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from "./manage-users";

describe(`user management [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  it("writes the change and its audit row together", async () => {
    const admin = await makeUser(t.db, "admin");
    const created = await createUser(t.db, actorOf(admin), {
      email: "new.person@example.test",
      name: "New Person",
      role: "ops",
      password: "long enough password",
    });
    await changeUserRole(t.db, actorOf(admin), { userId: created.id, role: "finance" });
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.targetId, created.id)).orderBy(auditLog.id);
    expect(rows.map((r) => [r.action, r.actorUserId, r.before, r.after])).toEqual([
      ["user.created", admin.id, null, { email: "new.person@example.test", name: "New Person", role: "ops" }],
      ["user.role_changed", admin.id, { role: "ops" }, { role: "finance" }],
    ]);
  });

  it("refuses a duplicate email and leaves nothing half-written", async () => {
    const admin = await makeUser(t.db, "admin");
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    await expect(
      createUser(t.db, actorOf(admin), {
        email: admin.email,
        name: "Dup",
        role: "ops",
        password: "long enough password",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("never leaves the system without an enabled admin", async () => {
    const db = t.db;
    await db.update(users).set({ role: "ops" }).where(eq(users.role, "admin"));
    const onlyAdmin = await makeUser(db, "admin");
    const other = await makeUser(db, "finance");
    await expect(setUserDisabled(db, actorOf(other), { userId: onlyAdmin.id, disabled: true })).rejects.toBeInstanceOf(
      AppError,
    );
    await expect(changeUserRole(db, actorOf(other), { userId: onlyAdmin.id, role: "ops" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      setUserDisabled(db, actorOf(onlyAdmin), { userId: onlyAdmin.id, disabled: true }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps the audit log append-only in the database itself", async () => {
    await makeUser(t.db, "ops");
    expect(await databaseErrorOf(t.db.update(auditLog).set({ action: "tampered" }))).toMatch(
      /audit_log is append-only: UPDATE/,
    );
    expect(await databaseErrorOf(t.db.delete(auditLog))).toMatch(/audit_log is append-only: DELETE/);
    expect(await databaseErrorOf(t.db.execute(sql`truncate audit_log`))).toMatch(/audit_log is append-only: TRUNCATE/);
  });

  it("refuses a common or guessable password at creation and reset, naming the field, and writes nothing", async () => {
    const admin = await makeUser(t.db, "admin");
    const countAudit = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]?.n;
    const auditBefore = await countAudit();
    for (const password of ["password1234", "Summer2024!", "qwertyuiop123"]) {
      await expect(
        createUser(t.db, actorOf(admin), { email: "weak.pass@example.test", name: "Weak Pass", role: "ops", password }),
      ).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        options: { fieldErrors: { password: [expect.stringMatching(/^is too common or too easy to guess: /)] } },
      });
    }
    expect(await t.db.select().from(users).where(eq(users.email, "weak.pass@example.test"))).toHaveLength(0);

    const target = await makeUser(t.db, "ops");
    const [hashBefore] = await t.db
      .select({ hash: users.passwordHash, version: users.sessionVersion })
      .from(users)
      .where(eq(users.id, target.id));
    const auditBeforeReset = await countAudit();
    await expect(
      resetUserPassword(t.db, actorOf(admin), { userId: target.id, password: "password1234" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(
      resetUserPassword(t.db, actorOf(admin), { userId: target.id, password: `${target.email.split("@")[0]}!2026` }),
    ).rejects.toMatchObject({
      options: { fieldErrors: { password: [expect.stringContaining("email or name")] } },
    });
    const [hashAfter] = await t.db
      .select({ hash: users.passwordHash, version: users.sessionVersion })
      .from(users)
      .where(eq(users.id, target.id));
    expect(hashAfter).toEqual(hashBefore);
    expect(await countAudit()).toBe(auditBeforeReset);
    expect(auditBeforeReset).toBeGreaterThan(auditBefore ?? 0);

    await resetUserPassword(t.db, actorOf(admin), { userId: target.id, password: "tangerine-octopus-marble-quiet-97" });
    const [hashReset] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, target.id));
    expect(hashReset?.hash).not.toBe(hashBefore?.hash);
  });
});
