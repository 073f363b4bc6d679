import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signOctopusCardsWebhook, verifyOctopusCardsWebhook } from "./webhook-signature";

const secret = "7eae42c95ddedc174b8d2ae3ef3a3fa6";
const body = '{"id":"evt_1","type":"order.delivered","created_at":"2026-01-01T00:00:00.000Z","data":{}}';
const now = new Date("2026-01-01T00:00:00Z");
const timestamp = String(now.getTime() / 1000);

describe("Octopus Cards webhook signatures", () => {
  it("signs as hex HMAC-SHA256 of the raw body", () => {
    expect(signOctopusCardsWebhook(body, secret)).toBe(createHmac("sha256", secret).update(body).digest("hex"));
  });

  it("accepts a correct signature within the 5-minute window (case-insensitive hex)", () => {
    const signature = signOctopusCardsWebhook(body, secret);
    expect(verifyOctopusCardsWebhook({ rawBody: body, signature, timestamp, secret, now })).toEqual({ ok: true });
    expect(
      verifyOctopusCardsWebhook({ rawBody: body, signature: signature.toUpperCase(), timestamp, secret, now }),
    ).toEqual({ ok: true });
    expect(
      verifyOctopusCardsWebhook({
        rawBody: body,
        signature,
        timestamp,
        secret,
        now: new Date(now.getTime() + 299_000),
      }),
    ).toEqual({ ok: true });
  });

  it("rejects tampering, wrong secrets, truncated or missing signatures and stale timestamps", () => {
    const signature = signOctopusCardsWebhook(body, secret);
    const verify = (over: Partial<Parameters<typeof verifyOctopusCardsWebhook>[0]>) =>
      verifyOctopusCardsWebhook({ rawBody: body, signature, timestamp, secret, now, ...over });
    expect(verify({ rawBody: body.replace("{}", '{"x":1}') })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verify({ secret: "other" })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verify({ signature: signature.slice(0, 10) })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verify({ signature: undefined })).toEqual({ ok: false, reason: "missing_signature" });
    expect(verify({ timestamp: null })).toEqual({ ok: false, reason: "missing_timestamp" });
    expect(verify({ now: new Date(now.getTime() + 301_000) })).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(verify({ now: new Date(now.getTime() - 301_000) })).toEqual({ ok: false, reason: "stale_timestamp" });
  });
});
