import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { benchSeedPayments } from "../../playwright.bench.config";
import { capturedOctopusPayment } from "../support/octopus-payment";
import { demoPassword, roleUsers } from "../support/roles";
import { signInAs } from "../support/sign-in";
import { weighPage, type PageWeight } from "./page-weight";
import { report, type ScenarioResult } from "./report";
import { finalVitals, installVitalsProbe, type VitalsSample } from "./web-vitals-probe";

const loads = Number(process.env.BENCH_LOADS ?? 20);

interface Scenario {
  name: string;
  path: () => string;
  /** The interaction INP measures, once the page is loaded. */
  interact: (page: Page) => Promise<void>;
}

/** Waits until the start-up seeding stopped adding payments (the CSV export counts them all). */
async function waitForSeed(page: Page): Promise<number> {
  let previous = -1;
  for (let round = 0; round < 90; round++) {
    const csv = await (await page.request.get("/api/payments/export")).text();
    const count = csv.trim().split("\n").length - 1;
    if (count >= benchSeedPayments || (count === previous && count > 0)) return count;
    previous = count;
    await page.waitForTimeout(4_000);
  }
  return previous;
}

async function measure(
  browser: Browser,
  storageState: Awaited<ReturnType<BrowserContext["storageState"]>>,
  scenario: Scenario,
): Promise<ScenarioResult> {
  const samples: VitalsSample[] = [];
  let weight: PageWeight | null = null;
  for (let i = 0; i < loads; i++) {
    // A fresh context per load: a first visit, nothing cached.
    const context = await browser.newContext({ storageState });
    const page = await context.newPage();
    await installVitalsProbe(page);
    const weighing = weighPage(page);
    await page.goto(scenario.path(), { waitUntil: "load" });
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState("networkidle").catch(() => undefined);
    const pageWeight = await weighing.done();
    weight ??= pageWeight;
    await scenario.interact(page);
    samples.push(await finalVitals(page));
    await context.close();
  }
  return {
    name: scenario.name,
    samples,
    weight: weight ?? { htmlBytes: 0, decodedPayloadBytes: 0, inlineFlightChars: 0, rscBytes: 0, jsBytes: 0 },
  };
}

test("browser benchmark: Web Vitals (p50/p75 of loads) and payload of the payments pages", async ({ browser }) => {
  const setup = await browser.newContext();
  const setupPage = await setup.newPage();
  await signInAs(setupPage, roleUsers.finance, demoPassword);
  await expect(setupPage.getByText(roleUsers.finance, { exact: true })).toBeVisible();
  const seeded = await waitForSeed(setupPage);
  const detailPath = new URL(await capturedOctopusPayment(setupPage, `BENCH-${Date.now().toString(36)}`)).pathname;
  const storageState = await setup.storageState();
  await setup.close();

  const scenarios: Scenario[] = [
    {
      name: "payments list",
      path: () => "/payments",
      interact: async (page) => {
        await page.getByLabel("Provider").click();
        await page.keyboard.press("Escape");
      },
    },
    {
      name: "payment detail",
      path: () => detailPath,
      interact: async (page) => {
        await page.getByRole("button", { name: "Copy the provider payment ID" }).click();
      },
    },
    {
      name: "refund dialog",
      path: () => detailPath,
      interact: async (page) => {
        await page.getByRole("button", { name: "Refund…" }).click();
        await expect(page.getByRole("dialog", { name: "Refund this payment" })).toBeVisible();
      },
    },
  ];
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) results.push(await measure(browser, storageState, scenario));
  console.log(
    `\nBrowser benchmark: ${loads} loads per page, ${seeded} payments in the ledger, Chromium headless on this machine\n\n` +
      report(results, { loads, seededPayments: seeded, at: new Date().toISOString() }),
  );
});
