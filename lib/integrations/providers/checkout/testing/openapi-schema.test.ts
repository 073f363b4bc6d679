import { describe, expect, it } from "vitest";
import { checkoutSchemaErrors } from "./openapi-schema";

const details = {
  id: "pay_dinkmi3v4vgutixpcw6mcdzt44",
  requested_on: "2024-06-18T13:20:51Z",
  source: { type: "octopus" },
  amount: 1000,
  currency: "HKD",
  approved: true,
  status: "Captured",
  balances: { total_authorized: 1000, total_captured: 1000, total_refunded: 0, available_to_refund: 1000 },
  _links: {
    self: { href: "https://x/payments/pay_dinkmi3v4vgutixpcw6mcdzt44" },
    actions: { href: "https://x/payments/pay_dinkmi3v4vgutixpcw6mcdzt44/actions" },
  },
};

describe("vendored Checkout.com OpenAPI schemas", () => {
  it("accept a well-formed PaymentDetails (balances without the spec's phantom `id`)", () => {
    expect(checkoutSchemaErrors("PaymentDetails", details)).toBeNull();
  });

  it("reject what the spec forbids", () => {
    const { approved: _approved, ...withoutApproved } = details;
    void _approved;
    expect(checkoutSchemaErrors("PaymentDetails", withoutApproved)).toMatch(/approved/);
    expect(checkoutSchemaErrors("PaymentDetails", { ...details, id: "pay_short" })).toMatch(/id/);
    expect(checkoutSchemaErrors("PaymentDetails", { ...details, status: "Done" })).toMatch(/status/);
    expect(checkoutSchemaErrors("PaymentDetails", { ...details, requested_on: "yesterday" })).toMatch(/requested_on/);
    expect(
      checkoutSchemaErrors("PaymentAction", { id: "act_y3oqhf46pyzuxjbcn2giaqnb44", type: "Refund", amount: 1 }),
    ).toMatch(/response_code|processed_on/);
    expect(checkoutSchemaErrors("RefundAcceptedResponse", { action_id: "act_y3oqhf46pyzuxjbcn2giaqnb44" })).toBeNull();
    expect(checkoutSchemaErrors("RefundAcceptedResponse", { reference: "x" })).toMatch(/action_id/);
    expect(checkoutSchemaErrors("ValidationError", { error_codes: "amount_invalid" })).toMatch(/error_codes/);
  });
});
