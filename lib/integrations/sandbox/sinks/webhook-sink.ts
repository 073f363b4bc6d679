import type { Database } from "@/lib/platform/db/types";
import { jsonResponse } from "../core/http";
import { recordReceived } from "./sink-store";

/** Longer than any alert the app sends; a bigger body is refused like a real receiver would. */
const maxBodyBytes = 256_000;

/** The built-in webhook receiver (a stand-in for a chat or paging tool): keeps what arrives, answers 200. */
export async function receiveSinkWebhook(request: Request, db: Database): Promise<Response> {
  if (request.method !== "POST") return jsonResponse(405, { error: "POST only" });
  const body = await request.text();
  if (Buffer.byteLength(body) > maxBodyBytes) return jsonResponse(413, { error: "body too large" });
  await recordReceived(db, "webhook", {
    signature: request.headers.get("x-payments-ops-signature"),
    deliveryKey: request.headers.get("x-payments-ops-delivery"),
    contentType: request.headers.get("content-type"),
    body,
    receivedAt: new Date().toISOString(),
  });
  return jsonResponse(200, { ok: true });
}
