import { getDb } from "@/lib/db/client";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { octoClient } from "@/lib/providers/clients";
import { octoConfig } from "@/lib/providers/config";
import { keptHeaders } from "@/lib/webhooks/receipts";
import { receiveOctoNotify } from "@/lib/webhooks/octo/receive-octo-notify";

export const dynamic = "force-dynamic";

/** A notify callback is a small flat JSON object (providers.md §2.7); 64 KiB is generous. */
const maxBodyBytes = 64 * 1024;

/**
 * OCTO notify_url receiver. It has no session: the callback's signature (checked in constant
 * time before anything is applied) is its authentication, and even a valid callback only makes
 * us re-fetch the payment's status from OCTO. The answer never carries accept_status: two-stage
 * holds are not captured from here.
 */
export async function POST(request: Request) {
  const rawBody = await readLimitedBody(request, maxBodyBytes);
  if (rawBody === null) return Response.json({ error: "body too large" }, { status: 413 });
  try {
    const result = await receiveOctoNotify(getDb(), octoClient(), octoConfig().notifyKey, {
      rawBody,
      headers: keptHeaders(request.headers, ["content-type", "user-agent"]),
    });
    return Response.json({ outcome: result.outcome, ...(result.detail && { detail: result.detail }) }, { status: result.httpStatus });
  } catch (error) {
    console.error("[webhook octo]", error);
    // A 5xx makes OCTO retry later, which is what an unexpected failure needs.
    return Response.json({ error: "could not process the callback" }, { status: 500 });
  }
}
