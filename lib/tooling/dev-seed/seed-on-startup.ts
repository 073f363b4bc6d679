import { appUrl } from "@/lib/platform/env";
import { appPaymentRequestDeps } from "@/lib/domain/payments/request/app-request-deps";
import { seedFreshSandbox } from "./run-seed";

const readinessTimeoutMs = 120_000;

/** The simulators are served by this very app, so seeding waits until it answers HTTP. */
async function waitUntilServing(): Promise<boolean> {
  const deadline = Date.now() + readinessTimeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${appUrl}/api/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return false;
}

/** Started in the background at start-up in sandbox mode; never blocks or fails the app. */
export async function seedSandboxOnStartup(count: number): Promise<void> {
  if (count === 0) return;
  try {
    if (!(await waitUntilServing())) {
      console.warn(`[sandbox seed] ${appUrl} did not answer within ${readinessTimeoutMs / 1000} s; not seeding`);
      return;
    }
    const started = Date.now();
    const summary = await seedFreshSandbox(appPaymentRequestDeps(), { count });
    if (summary === "skipped") return;
    console.info(
      `[sandbox seed] ${summary.requested} payments made through the sandboxes in ${Math.round((Date.now() - started) / 1000)} s:`,
      summary.byStatus,
    );
  } catch (error) {
    console.error("[sandbox seed] stopped:", error);
  }
}
