import { getDb } from "@/lib/db/client";
import { handleWebhook } from "@/lib/http/webhook-route";
import { octoClient } from "@/lib/providers/clients";
import { octoConfig } from "@/lib/providers/config";
import { keptHeaders } from "@/lib/webhooks/receipts";
import { receiveOctoNotify } from "@/lib/webhooks/octo/receive-octo-notify";

export const dynamic = "force-dynamic";

/**
 * OCTO notify_url receiver. It has no session: the callback's signature (checked in constant
 * time before anything is applied) is its authentication, and even a valid callback only makes
 * us re-fetch the payment's status from OCTO. The answer never carries accept_status: two-stage
 * holds are not captured from here. A notify callback is a small flat JSON object (providers.md
 * §2.7); 64 KiB is generous.
 */
export function POST(request: Request) {
  return handleWebhook(request, {
    name: "octo",
    maxBodyBytes: 64 * 1024,
    what: "callback",
    receive: (rawBody) => receiveOctoNotify(getDb(), octoClient(), octoConfig().notifyKey, { rawBody, headers: keptHeaders(request.headers, ["content-type", "user-agent"]) }),
  });
}
