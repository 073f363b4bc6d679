import "server-only";
import { getDb } from "@/lib/db/client";
import { isSandbox } from "@/lib/env";
import { checkoutClient, octoClient } from "@/lib/providers/clients";
import type { RefundDeps } from "./send-refund";

/** The app's wiring of refunds: its database, provider clients, sandbox trigger amounts in sandbox mode, real time. */
export function appRefundDeps(): RefundDeps {
  return {
    db: getDb(),
    clients: { checkout: checkoutClient(), octo: octoClient() },
    sandboxTriggers: isSandbox,
    now: () => new Date(),
  };
}
