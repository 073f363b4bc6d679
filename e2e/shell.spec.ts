import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { storageStateOf } from "./support/roles";

test.use({ storageState: storageStateOf("finance") });

test.describe("[SHELL] layout, theme and keyboard", () => {
  test("on a 390-px phone the navigation sits behind a menu button", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/payments");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(nav).toBeVisible();
    await nav.getByRole("link", { name: "Refunds" }).click();
    await expect(page).toHaveURL(/\/refunds$/);
    await expect(nav).toBeHidden();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
  });

  test("the theme switches to dark and stays dark after a reload", async ({ page }) => {
    await page.goto("/payments");
    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.getByRole("button", { name: "Light theme" }).click();
    await expect(page.locator("html")).not.toHaveClass(/dark/);
  });

  test("the 403 and 404 pages keep the dark theme and the shell's one main landmark", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("merchant") });
    const page = await context.newPage();
    await page.goto("/orders");
    await page.getByRole("button", { name: "Dark theme" }).click();
    for (const [path, heading] of [
      ["/users", "403: not allowed"],
      ["/orders/00000000-0000-4000-8000-000000000000", "404: not found"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: heading })).toBeVisible();
      await expect(page.locator("html")).toHaveClass(/dark/);
      await expect(page.getByRole("main")).toHaveCount(1);
      await expectNoAxeViolations(page, `${heading} (dark)`);
    }
    await context.close();
  });

  test("keyboard users can skip to content and reach the navigation with a visible focus", async ({ page }) => {
    await page.goto("/payments");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    // The notification bell sits beside the app's name, above the navigation.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: /^Notifications, \d+ unread$/ })).toBeFocused();
    await page.keyboard.press("Tab");
    const first = page.getByRole("link", { name: "Overview" });
    await expect(first).toBeFocused();
    const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/overview$/);
  });
});
