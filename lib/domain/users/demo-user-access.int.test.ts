import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/drizzle/schema";
import { bootstrapUsers } from "@/lib/domain/auth/bootstrap-users";
import { demoUsers } from "@/lib/domain/auth/demo-users";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { applyDemoUserAccess, demoUserPolicyActor } from "./demo-user-access";
import { setUserDisabled } from "./manage-users";

const demoEmails = demoUsers.map((u) => u.email);

describe(`demo users only where nobody else can reach them [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await bootstrapUsers(t.db, { mode: "sandbox" });
  });
  afterAll(async () => t.dispose());

  const disabledDemoUsers = async () =>
    (
      await t.db
        .select({ email: users.email, disabledAt: users.disabledAt })
        .from(users)
        .where(inArray(users.email, demoEmails))
    )
      .filter((u) => u.disabledAt !== null)
      .map((u) => u.email)
      .sort();

  it("disables every demo user (even the only admin) when not allowed, audited, and is idempotent", async () => {
    const outcome = await applyDemoUserAccess(t.db, { allowed: false, reason: "listens on 0.0.0.0" });
    expect(outcome.disabled.sort()).toEqual([...demoEmails].sort());
    expect(await disabledDemoUsers()).toEqual([...demoEmails].sort());
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.disabled"));
    expect(audit).toHaveLength(demoEmails.length);
    expect(
      audit.every((row) => row.actorEmail === demoUserPolicyActor && row.after?.reason === "listens on 0.0.0.0"),
    ).toBe(true);
    expect((await applyDemoUserAccess(t.db, { allowed: false, reason: "again" })).disabled).toEqual([]);
  });

  it("re-enables only the demo users this policy disabled, never one an admin disabled", async () => {
    const realAdmin = await makeUser(t.db, "admin");
    const [ops] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "ops@demo.test"));
    await setUserDisabled(t.db, actorOf(realAdmin), { userId: ops!.id, disabled: false });
    await setUserDisabled(t.db, actorOf(realAdmin), { userId: ops!.id, disabled: true });
    const outcome = await applyDemoUserAccess(t.db, { allowed: true, reason: "bound to 127.0.0.1" });
    expect(outcome.unchanged).toEqual(["ops@demo.test"]);
    expect(await disabledDemoUsers()).toEqual(["ops@demo.test"]);
  });
});
