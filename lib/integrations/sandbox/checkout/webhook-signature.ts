import { createHmac } from "node:crypto";

/**
 * [DOC workflows, providers.md §1.9] Cko-Signature: HMAC-SHA256 over the raw body, keyed with the
 * workflow's webhook key, hex-encoded (Base16).
 */
export function ckoSignature(rawBody: string, webhookKey: string): string {
  return createHmac("sha256", webhookKey).update(rawBody, "utf8").digest("hex");
}
