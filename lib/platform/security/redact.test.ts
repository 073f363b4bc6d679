import { describe, expect, it } from "vitest";
import { isSecretKey, redactBody, redactJsonText, redactSecrets } from "./redact";

/** Real shapes: the Octopus Cards sandbox's order.delivered (voucher-orders.ts + voucher-codes.ts), eSIM detail, OCTO requests, Checkout.com events. */
const voucherDelivered = JSON.stringify({
  id: "evt_8c1f2e3d4b5a69788796a5b4",
  type: "order.delivered",
  created_at: "2026-12-04T03:00:00.000Z",
  data: {
    id: 4102,
    client_reference: "ord-7f3e",
    status: "DELIVERED",
    quantity: 2,
    vouchers: [
      {
        card_number: "STEAM-A1B2-C3D4-E5F6",
        pin_code: "0427",
        claim_url: null,
        expires_at: "2027-12-04T03:00:00.000Z",
        voucher_reference_number: "VRN0A1B2C3D4E",
      },
      {
        card_number: "STEAM-Z9Y8-X7W6-V5U4",
        pin_code: "9981",
        claim_url: "https://claim.example/abc?k=1",
        expires_at: "2027-12-04T03:00:00.000Z",
        voucher_reference_number: "VRN0F1E2D3C4B",
      },
    ],
  },
});
const esimDelivered = JSON.stringify({
  id: "evt_esim",
  type: "order.delivered",
  data: {
    id: 77,
    activation_code: "LPA:1$smdp.sandbox.octopuscards.test$9F8E7D6C5B4A3921",
    iccid: "8985200123456789012",
    activation_status: "NOT_INSTALLED",
    is_installed: false,
  },
});
const octoRefundRequest =
  '{"octo_shop_id":1234,"shop_refund_id":"r-1","octo_secret":"s3cr3t-octo","octo_payment_UUID":"a1","amount":10.50}';

const secrets = [
  "STEAM-A1B2-C3D4-E5F6",
  "0427",
  "STEAM-Z9Y8-X7W6-V5U4",
  "9981",
  "claim.example",
  "LPA:1$",
  "9F8E7D6C5B4A3921",
  "s3cr3t-octo",
];

describe("isSecretKey", () => {
  it.each([
    "card_number",
    "pin_code",
    "PIN",
    "claim_url",
    "activation_code",
    "octo_secret",
    "access_token",
    "refresh_token",
    "password",
    "webhook-secret",
    "signing_key",
    "Authorization",
    "api_key",
  ])("%s is a secret", (key) => {
    expect(isSecretKey(key)).toBe(true);
  });
  it.each([
    "id",
    "amount",
    "status",
    "signature",
    "hash_key",
    "iccid",
    "shipping",
    "voucher_reference_number",
    "octo_payment_UUID",
    "client_reference",
  ])("%s is not", (key) => {
    expect(isSecretKey(key)).toBe(false);
  });
});

describe("redactJsonText", () => {
  it("replaces every voucher code, PIN and claim link of an order.delivered and keeps everything else byte for byte", () => {
    const redacted = redactJsonText(voucherDelivered);
    for (const secret of secrets.slice(0, 5)) expect(redacted).not.toContain(secret);
    const parsed = JSON.parse(redacted) as { data: { vouchers: Record<string, unknown>[]; client_reference: string } };
    expect(parsed.data.vouchers[0]).toEqual({
      card_number: "[redacted]",
      pin_code: "[redacted]",
      claim_url: null,
      expires_at: "2027-12-04T03:00:00.000Z",
      voucher_reference_number: "VRN0A1B2C3D4E",
    });
    expect(parsed.data.vouchers[1]?.claim_url).toBe("[redacted]");
    expect(parsed.data.client_reference).toBe("ord-7f3e");
    expect(redacted).toBe(JSON.stringify(redactSecrets(JSON.parse(voucherDelivered))));
  });

  it("replaces the eSIM LPA activation string", () => {
    const redacted = JSON.parse(redactJsonText(esimDelivered)) as { data: Record<string, unknown> };
    expect(redacted.data.activation_code).toBe("[redacted]");
    expect(redacted.data.iccid).toBe("8985200123456789012");
  });

  it("replaces OCTO's octo_secret and keeps the decimal amount exactly as written", () => {
    expect(redactJsonText(octoRefundRequest)).toBe(
      '{"octo_shop_id":1234,"shop_refund_id":"r-1","octo_secret":"[redacted]","octo_payment_UUID":"a1","amount":10.50}',
    );
  });

  it("replaces a secret whose value is an object or array whole, and handles whitespace and escapes", () => {
    const text = '{ "credentials" : { "x": 1 }, "tokens": ["a", "b"], "note": "say \\"pin_code\\": 1", "pin" : 1234 }';
    expect(redactJsonText(text)).toBe(
      '{ "credentials" : { "x": 1 }, "tokens": "[redacted]", "note": "say \\"pin_code\\": 1", "pin" : "[redacted]" }',
    );
  });

  it("still redacts a body cut short in the middle of a secret", () => {
    const cut = voucherDelivered.slice(0, voucherDelivered.indexOf("0427") + 2);
    const redacted = redactJsonText(cut);
    expect(redacted).not.toContain('"04');
    expect(redacted).not.toContain("STEAM-A1B2");
    expect(redacted.endsWith('"pin_code":"[redacted]"')).toBe(true);
  });

  it("leaves text with no secret keys unchanged, including non-JSON", () => {
    for (const text of ["", "not json", '{"id":"evt_1","amount":12300}', '"just a string"', '{"a":', '{"unterminated'])
      expect(redactJsonText(text)).toBe(text);
  });
});

describe("redactBody", () => {
  it("redacts form-encoded pairs of a body that is not JSON", () => {
    expect(redactBody("a=1&pin_code=0427&octo_secret=xyz")).toBe(
      "a=1&pin_code=%5Bredacted%5D&octo_secret=%5Bredacted%5D",
    );
  });
  it("treats JSON as JSON", () => {
    expect(redactBody(octoRefundRequest)).not.toContain("s3cr3t-octo");
  });
});

describe("redactSecrets", () => {
  it("redacts by key at any depth and keeps the structure", () => {
    expect(
      redactSecrets({ a: [{ pin_code: "1" }, { b: { octo_secret: "x", ok: 2 } }], activation_code: null }),
    ).toEqual({ a: [{ pin_code: "[redacted]" }, { b: { octo_secret: "[redacted]", ok: 2 } }], activation_code: null });
  });
});
