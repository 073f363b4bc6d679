import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Page } from "@playwright/test";

export interface VitalsSample {
  lcp: number | null;
  cls: number | null;
  inp: number | null;
}

// The package exports no subpath for its IIFE build; it sits beside the main entry in dist/.
const webVitalsDist = dirname(createRequire(import.meta.url).resolve("web-vitals"));
const webVitalsIife = readFileSync(join(webVitalsDist, "web-vitals.iife.js"), "utf8");

/** The web-vitals package itself, registered before any page script, every change kept. */
const probe = `${webVitalsIife}
window.__vitals = { lcp: null, cls: null, inp: null };
webVitals.onLCP((m) => { window.__vitals.lcp = m.value; }, { reportAllChanges: true });
webVitals.onCLS((m) => { window.__vitals.cls = m.value; }, { reportAllChanges: true });
webVitals.onINP((m) => { window.__vitals.inp = m.value; }, { reportAllChanges: true });`;

export async function installVitalsProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: probe });
}

/**
 * Hides the page as web-vitals documents (visibilitychange to hidden), which finalizes LCP, CLS
 * and INP, then reads what was reported.
 */
export async function finalVitals(page: Page): Promise<VitalsSample> {
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  return page.evaluate(() => (window as unknown as { __vitals: VitalsSample }).__vitals);
}
