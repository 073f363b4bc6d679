import { describe, expect, it } from "vitest";
import { refundStatuses } from "@/drizzle/schema/refunds";
import { alertPermission } from "./alert-audience";
import { alertRetryDelayMs } from "./deliver-due-alerts";
import { refundAlert, refundAlertRule } from "./raise-refund-alert";

const facts = {
  refundId: "0b6f1f4e-2c1a-4a57-9d7e-2a1f7c3b9e10",
  paymentId: "5d0c7a38-6a43-4b5e-8f6c-0e8b9c1d2f3a",
  provider: "checkout",
  amountMinor: 12_000n,
  currency: "HKD",
};

describe("which refund moves raise an alert", () => {
  it("raises one rule for each way the money did not arrive, and for needs attention; nothing else", () => {
    const raised = Object.fromEntries(refundStatuses.map((status) => [status, refundAlertRule(status)]));
    expect(raised).toEqual({
      awaiting_approval: null,
      requested: null,
      pending: null,
      approved: null,
      declined: "refund_declined",
      expired: "refund_expired",
      not_collected: "refund_not_collected",
      rejected: null,
      unknown: null,
      failed: null,
      needs_attention: "refund_needs_attention",
    });
  });

  it("says what happened in one sentence, with the money and the provider, and links to the refund's row", () => {
    expect(refundAlert("refund_declined", facts)).toEqual({
      rule: "refund_declined",
      dedupeKey: `refund_declined:${facts.refundId}`,
      subjectType: "refund",
      subjectId: facts.refundId,
      title: "A refund of HK$120.00 was declined by Checkout.com.",
      body: "The money did not reach the customer. The payment's page says what to do next.",
      href: `/payments/${facts.paymentId}#refund-${facts.refundId}`,
    });
    expect(refundAlert("refund_expired", facts).title).toBe(
      "A refund of HK$120.00 expired at Checkout.com: the customer did not collect it.",
    );
    expect(
      refundAlert("refund_not_collected", { ...facts, provider: "octo", currency: "UZS", amountMinor: 1_265_000n })
        .title,
    ).toBe("A refund of UZS\u00a012,650.00 was not collected by the customer, OCTO says.");
    const attention = refundAlert("refund_needs_attention", {
      ...facts,
      attentionReason: "Checkout.com forgot the key.",
    });
    expect(attention.title).toBe("A refund of HK$120.00 at Checkout.com needs a person's attention.");
    expect(attention.body).toBe("Checkout.com forgot the key.");
  });

  it("tells the people who may read refunds, and refuses a rule it does not know", () => {
    expect(alertPermission("refund_expired")).toBe("refunds:read");
    expect(() => alertPermission("no_such_rule")).toThrow(/no audience/);
  });

  it("retries a failed delivery after 30 s, then doubling, at most an hour", () => {
    expect([1, 2, 3, 4, 10, 50].map(alertRetryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000,
    ]);
  });
});
