import { expect, test } from "@playwright/test";
import { pageAccess } from "./support/page-access";
import { roleNames, storageStateOf } from "./support/roles";
import { actionMatrix } from "./support/action-matrix";
import { allServerActions, callServerAction } from "./support/server-actions";

test("[RBAC] every server action in the build has an entry in the action matrix", () => {
  expect(allServerActions()).toEqual(actionMatrix.map((a) => `${a.file}#${a.name}`).sort());
});

test.describe("[RBAC] anonymous", () => {
  test("pages redirect to sign-in and route handlers answer 401", async ({ page, request }) => {
    for (const path of Object.keys(pageAccess)) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in/);
    }
    expect((await request.get("/api/audit")).status()).toBe(401);
    expect((await request.get("/api/me")).status()).toBe(401);
  });

  test("every direct server action call is refused", async ({ request, baseURL }) => {
    for (const action of actionMatrix) {
      const result = await callServerAction(request, baseURL!, action, action.input());
      expect(result.body, action.name).toContain('"code":"UNAUTHENTICATED"');
      expect(result.body).not.toContain('"ok":true');
    }
  });
});

for (const role of roleNames) {
  test.describe(`[RBAC] ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test("opens exactly the pages the role allows (403 otherwise)", async ({ page }) => {
      for (const [path, allowed] of Object.entries(pageAccess)) {
        const response = await page.goto(path);
        expect(response?.status(), `${role} → ${path}`).toBe(allowed.includes(role) ? 200 : 403);
        if (!allowed.includes(role)) await expect(page.getByRole("heading", { name: "403: not allowed" })).toBeVisible();
      }
    });

    test("route handlers check the permission themselves", async ({ page }) => {
      const audit = await page.request.get("/api/audit");
      expect(audit.status()).toBe(role === "admin" ? 200 : 403);
      const me = await page.request.get("/api/me");
      expect(me.status()).toBe(200);
      expect(((await me.json()) as { role: string }).role).toBe(role);
    });

    test("every server action refuses a direct call the role is not allowed, and changes nothing", async ({ page, baseURL, browser }) => {
      for (const action of actionMatrix.filter((a) => !a.allowed.includes(role))) {
        const input = action.input();
        const result = await callServerAction(page.request, baseURL!, action, input);
        expect(result.body, `${role} → ${action.name}`).toContain('"code":"FORBIDDEN"');
        if (action.name === "createUserAction") {
          const adminContext = await browser.newContext({ storageState: storageStateOf("admin") });
          const adminPage = await adminContext.newPage();
          await adminPage.goto("/users");
          await expect(adminPage.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
          await expect(adminPage.getByText(input.email as string)).toHaveCount(0);
          await adminContext.close();
        }
      }
    });
  });
}
