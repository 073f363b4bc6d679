import type { Database } from "@/lib/platform/db/types";
import { createCheckoutClient } from "@/lib/integrations/providers/checkout/client";
import { createOctoClient } from "@/lib/integrations/providers/octo/client";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { providerClock } from "../provider-clock";
import type { RefundDeps } from "../send-refund";

/** Test-only: refund deps wired to a running sandbox server (both providers, its clock), as the app wires them in sandbox mode. */
export function sandboxRefundDeps(db: Database, sandboxServerUrl: string): RefundDeps {
  const base = `${sandboxServerUrl}/api/sandbox`;
  return {
    db,
    clients: {
      checkout: createCheckoutClient({ ...sandboxCredentials.checkout, baseUrl: `${base}/checkout` }),
      octo: createOctoClient({ ...sandboxCredentials.octo, baseUrl: `${base}/octo` }),
    },
    sandboxTriggers: true,
    now: () => new Date(),
    providerNow: providerClock(db, true),
  };
}
