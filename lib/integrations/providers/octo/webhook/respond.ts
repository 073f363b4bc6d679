import type { Database } from "@/lib/platform/db/types";
import { handleWebhook } from "@/lib/platform/http/webhook-route";
import { keptHeaders } from "@/lib/domain/webhooks/receipts";
import { countRejection } from "@/lib/domain/webhooks/rejection-budget";
import { receiveOctoNotify, type OctoNotifyDeps } from "./receive-octo-notify";

/** A notify callback is a small flat JSON object (providers.md §2.7); 64 KiB is generous. */
export function octoNotifyResponse(
  request: Request,
  db: Database,
  deps: OctoNotifyDeps,
  notifyKey: string,
  now?: Date,
): Promise<Response> {
  return handleWebhook(request, {
    name: "octo",
    maxBodyBytes: 64 * 1024,
    what: "callback",
    countTooLarge: () => countRejection(db, "octo", now ?? new Date()),
    receive: (rawBody) =>
      receiveOctoNotify(
        db,
        deps,
        notifyKey,
        { rawBody, headers: keptHeaders(request.headers, ["content-type", "user-agent"]) },
        now,
      ),
  });
}
