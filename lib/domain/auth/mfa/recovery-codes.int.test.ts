import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/tooling/testing/test-database";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { issueRecoveryCodes } from "./recovery-codes";

describe("recovery codes", () => {
  it("are ten distinct codes of 120 bits in six groups of four", async () => {
    const t = await createTestDatabase();
    try {
      const user = await makeUser(t.db, "admin");
      const codes = await issueRecoveryCodes(t.db, user.id, new Date());
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      for (const code of codes) expect(code).toMatch(/^[a-hj-km-np-z02-9]{4}(-[a-hj-km-np-z02-9]{4}){5}$/);
    } finally {
      await t.dispose();
    }
  });
});
