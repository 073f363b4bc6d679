import { getDb } from "@/lib/platform/db/client";
import { octoConfig } from "@/lib/integrations/providers/config";
import { paymentProviderFor } from "@/lib/integrations/providers/registry";
import { appRefundDeps } from "@/lib/domain/refunds/app-refund-deps";

export const dynamic = "force-dynamic";

/**
 * OCTO notify_url receiver. It has no session: the callback's signature (checked in constant
 * time before anything is applied) is its authentication, and even a valid callback only makes
 * us re-fetch the payment's status from OCTO. The answer never carries accept_status: two-stage
 * holds are not captured from here.
 */
export function POST(request: Request) {
  return paymentProviderFor("octo").webhook.respond(request, {
    db: getDb(),
    secret: octoConfig().notifyKey,
    refunds: appRefundDeps(),
  });
}
