import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { testActor } from "@/lib/tooling/testing/fixtures";
import { auditPageSize, listAudit } from "./list-audit";
import { recordAudit } from "./record-audit";

describe(`listAudit [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    for (let i = 0; i < auditPageSize + 10; i += 1) {
      await recordAudit(
        t.db,
        { ...testActor, email: i % 2 ? "odd@example.test" : "even@example.test" },
        {
          action: i % 3 ? "user.role_changed" : "auth.sign_in",
          targetType: "user",
          targetId: `target-${i}`,
        },
      );
    }
  });
  afterAll(async () => t.dispose());

  it("walks every row exactly once, newest first, with keyset pages", async () => {
    const first = await listAudit(t.db, {});
    expect(first.rows).toHaveLength(auditPageSize);
    expect(first.rows[0]?.targetId).toBe(`target-${auditPageSize + 9}`);
    expect(first.nextCursor).not.toBeNull();
    const second = await listAudit(t.db, { cursor: first.nextCursor ?? undefined });
    expect(second.rows).toHaveLength(10);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.rows, ...second.rows].map((r) => r.targetId);
    expect(new Set(ids).size).toBe(auditPageSize + 10);
  });

  it("filters by action prefix, actor and target", async () => {
    const signIns = await listAudit(t.db, { action: "auth." });
    expect(signIns.rows.every((r) => r.action === "auth.sign_in")).toBe(true);
    expect(signIns.rows).toHaveLength(Math.ceil((auditPageSize + 10) / 3));
    const odd = await listAudit(t.db, { actor: "ODD@" });
    expect(odd.rows.every((r) => r.actorEmail === "odd@example.test")).toBe(true);
    const one = await listAudit(t.db, { target: "target-7" });
    expect(one.rows.map((r) => r.targetId)).toEqual(["target-7"]);
    const wildcard = await listAudit(t.db, { action: "%" });
    expect(wildcard.rows).toHaveLength(0);
  });
});
