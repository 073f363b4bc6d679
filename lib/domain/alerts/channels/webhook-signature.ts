import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The header a receiver checks: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const alertSignatureHeader = "x-payments-ops-signature";
/** The same on every retry of one delivery: receivers de-duplicate on it. */
export const alertDeliveryHeader = "x-payments-ops-delivery";

export function newWebhookSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

const mac = (secret: string, timestamp: number, body: string) =>
  createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

export function signAlertWebhook(secret: string, body: string, now: Date): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${mac(secret, timestamp, body)}`;
}

/** A receiver's check: the signature matches and was made within `toleranceSeconds` of `now`. */
export function verifyAlertWebhook(
  secret: string,
  body: string,
  header: string | null,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map((header ?? "").split(",").map((part) => part.split("=", 2) as [string, string | undefined]));
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(mac(secret, timestamp, body), "hex"));
}
