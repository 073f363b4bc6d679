import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.0 and 2.1, levels A and AA: what issue #7 asks every page to pass. */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;

type AxeViolation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/** One line per offending node, so a failure names the rule, the element and what axe saw. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} (${v.impact ?? "?"}): ${n.target.join(" ")}: ${n.failureSummary?.replaceAll("\n", " ") ?? v.help}`,
      ),
    )
    .join("\n");
}

/** Scans the page as it is now (or only `include`) and fails the test with every violation listed. */
export async function expectNoAxeViolations(page: Page, label: string, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags([...wcagTags]);
  if (include) builder = builder.include(include);
  const { violations, passes } = await builder.analyze();
  expect(passes.length, `axe checked something on ${label}`).toBeGreaterThan(0);
  // Soft: one test scans several pages, and a failure should list every page at once.
  expect.soft(describeViolations(violations), `axe violations on ${label}`).toBe("");
}

/**
 * The current page scanned in the light and then the dark theme, left in light. With no stored
 * choice the app follows the system theme live (ThemeKeeper), so no reload is needed; the class
 * on <html> is awaited so the scan sees the theme it names. The sandbox's own pages (under /api/)
 * follow the system theme in CSS alone.
 */
export async function expectNoAxeViolationsInBothThemes(page: Page, label: string): Promise<void> {
  const url = new URL(page.url());
  const themedByClass = url.protocol.startsWith("http") && !url.pathname.startsWith("/api/");
  const html = page.locator("html");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    if (themedByClass) await expect(html).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await expectNoAxeViolations(page, `${label} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (themedByClass) await expect(html).toHaveClass(/^(?!.*\bdark\b)/);
}

/** Opens `path`, waits for its main heading, and scans it in the light and the dark theme. */
export async function scanPageInBothThemes(page: Page, path: string, label = path): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expectNoAxeViolationsInBothThemes(page, label);
}
