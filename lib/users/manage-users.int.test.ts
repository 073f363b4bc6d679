import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { auditLog, users } from "@/drizzle/schema";
import { AppError } from "@/lib/errors";
import { databaseErrorOf } from "@/lib/testing/db-errors";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/testing/test-database";
import { actorOf, makeUser } from "@/lib/testing/fixtures";
import { changeUserRole, createUser, setUserDisabled } from "./manage-users";

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
      createUser(t.db, actorOf(admin), { email: admin.email, name: "Dup", role: "ops", password: "long enough password" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("never leaves the system without an enabled admin", async () => {
    const db = t.db;
    await db.update(users).set({ role: "ops" }).where(eq(users.role, "admin"));
    const onlyAdmin = await makeUser(db, "admin");
    const other = await makeUser(db, "finance");
    await expect(setUserDisabled(db, actorOf(other), { userId: onlyAdmin.id, disabled: true })).rejects.toBeInstanceOf(AppError);
    await expect(changeUserRole(db, actorOf(other), { userId: onlyAdmin.id, role: "ops" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setUserDisabled(db, actorOf(onlyAdmin), { userId: onlyAdmin.id, disabled: true })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps the audit log append-only in the database itself", async () => {
    await makeUser(t.db, "ops");
    expect(await databaseErrorOf(t.db.update(auditLog).set({ action: "tampered" }))).toMatch(/audit_log is append-only: UPDATE/);
    expect(await databaseErrorOf(t.db.delete(auditLog))).toMatch(/audit_log is append-only: DELETE/);
    expect(await databaseErrorOf(t.db.execute(sql`truncate audit_log`))).toMatch(/audit_log is append-only: TRUNCATE/);
  });
});
