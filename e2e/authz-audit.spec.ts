import { expect, test } from "@playwright/test";
import { roleUsers, storageStateOf } from "./support/roles";

interface AuditRow {
  action: string;
  actorEmail: string | null;
  targetId: string | null;
  after: { where?: string } | null;
}

test.describe("[authz] refusals are audited", () => {
  test.use({ storageState: storageStateOf("merchant") });

  test("a refused route handler call and a refused page each leave an authz.denied entry naming the user and the permission", async ({
    page,
    browser,
  }) => {
    expect((await page.request.get("/api/audit")).status()).toBe(403);
    expect((await page.goto("/users"))?.status()).toBe(403);

    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const response = await admin.request.get(
      `/api/audit?action=authz.denied&actor=${encodeURIComponent(roleUsers.merchant)}`,
    );
    expect(response.status()).toBe(200);
    const { rows } = (await response.json()) as { rows: AuditRow[] };
    const denied = rows.map((row) => [row.actorEmail, row.targetId, row.after?.where]);
    expect(denied).toContainEqual([roleUsers.merchant, "audit:read", "action or route handler"]);
    expect(denied).toContainEqual([roleUsers.merchant, "users:manage", "page"]);
    await admin.close();
  });
});
