import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signCheckoutWebhook, verifyCheckoutSignature } from "./webhook-signature";

const secret = "3f54d56fc0e53bf8438655147bcf9f1a";
const body = '{"id":"evt_x","type":"payment_captured","data":{"amount":1000}}';

describe("Cko-Signature", () => {
  it("is the hex HMAC-SHA256 of the exact raw body", () => {
    expect(signCheckoutWebhook(body, secret)).toBe(createHmac("sha256", secret).update(body).digest("hex"));
  });

  it("verifies a good signature (any hex case, surrounding spaces) and nothing else", () => {
    const signature = signCheckoutWebhook(body, secret);
    expect(verifyCheckoutSignature(body, signature, secret)).toBe(true);
    expect(verifyCheckoutSignature(Buffer.from(body), ` ${signature.toUpperCase()} `, secret)).toBe(true);
    expect(verifyCheckoutSignature(`${body} `, signature, secret)).toBe(false);
    expect(verifyCheckoutSignature(body, signature, "another-secret")).toBe(false);
    expect(verifyCheckoutSignature(body, signature.slice(0, 62), secret)).toBe(false);
    expect(verifyCheckoutSignature(body, `${signature}00`, secret)).toBe(false);
    expect(verifyCheckoutSignature(body, "zz".repeat(32), secret)).toBe(false);
    expect(verifyCheckoutSignature(body, null, secret)).toBe(false);
    expect(verifyCheckoutSignature(body, "", secret)).toBe(false);
  });
});
