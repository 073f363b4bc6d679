import { getDb } from "@/lib/db/client";
import { octoClient } from "@/lib/providers/clients";
import { octoConfig } from "@/lib/providers/config";
import { octoNotifyResponse } from "@/lib/webhooks/webhook-responses";

export const dynamic = "force-dynamic";

/**
 * OCTO notify_url receiver. It has no session: the callback's signature (checked in constant
 * time before anything is applied) is its authentication, and even a valid callback only makes
 * us re-fetch the payment's status from OCTO. The answer never carries accept_status: two-stage
 * holds are not captured from here.
 */
export function POST(request: Request) {
  return octoNotifyResponse(request, getDb(), octoClient(), octoConfig().notifyKey);
}
