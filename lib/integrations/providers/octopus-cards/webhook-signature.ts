import { createHmac, timingSafeEqual } from "node:crypto";

/** Receivers reject events whose X-Timestamp is further than this from now (providers.md §3.11). */
export const webhookToleranceMs = 5 * 60_000;

/** hex(HMAC-SHA256(raw body, secret)) — the X-Signature header. */
export function signOctopusCardsWebhook(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("hex");
}

export type WebhookVerification =
  { ok: true } | { ok: false; reason: "missing_signature" | "bad_signature" | "missing_timestamp" | "stale_timestamp" };

/**
 * Verifies X-Signature over the exact raw body (timing-safe, length-checked first) and that
 * X-Timestamp (unix seconds) is within 5 minutes of `now`.
 */
export function verifyOctopusCardsWebhook(input: {
  rawBody: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  secret: string;
  now?: Date;
}): WebhookVerification {
  if (!input.signature) return { ok: false, reason: "missing_signature" };
  const expected = Buffer.from(signOctopusCardsWebhook(input.rawBody, input.secret), "utf8");
  const given = Buffer.from(input.signature.trim().toLowerCase(), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "bad_signature" };
  if (!input.timestamp || !/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: "missing_timestamp" };
  const skew = Math.abs((input.now ?? new Date()).getTime() - Number(input.timestamp) * 1000);
  if (skew > webhookToleranceMs) return { ok: false, reason: "stale_timestamp" };
  return { ok: true };
}
