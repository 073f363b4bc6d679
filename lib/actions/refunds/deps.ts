import "server-only";
import { getDb } from "@/lib/db/client";
import { isSandbox } from "@/lib/env";
import { checkoutClient, octoClient } from "@/lib/providers/clients";
import type { RefundDeps } from "@/lib/refunds/send-refund";

/**
 * The app's refund dependencies for the refund actions (server-only, not an action module).
 * Temporary: to be unified with lib/refunds/app-refund-deps.ts when the reconciler lands.
 */
export function refundDeps(): RefundDeps {
  return { db: getDb(), clients: { checkout: checkoutClient(), octo: octoClient() }, sandboxTriggers: isSandbox, now: () => new Date() };
}
