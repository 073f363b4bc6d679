import { expect, type Page } from "@playwright/test";

export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The sign-in form's own error line (Next.js keeps a second, empty alert for route announcements). */
export const signInError = (page: Page) => page.getByRole("form", { name: "Sign in" }).getByRole("alert");

export async function expectSignedIn(page: Page, email: string): Promise<void> {
  await expect(page.getByText(email, { exact: true })).toBeVisible();
}
