import { createHmac, timingSafeEqual } from "node:crypto";

/** Cko-Signature: HMAC-SHA256 of the exact raw body with the webhook's signing key, hex (Base16). */
export function signCheckoutWebhook(body: string | Buffer, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** Constant-time check of a Cko-Signature header against the raw body; false for anything malformed. */
export function verifyCheckoutSignature(
  rawBody: string | Buffer,
  headerValue: string | null | undefined,
  secret: string,
): boolean {
  if (!headerValue) return false;
  const received = headerValue.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(received)) return false;
  const expected = Buffer.from(signCheckoutWebhook(rawBody, secret), "hex");
  const given = Buffer.from(received, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
