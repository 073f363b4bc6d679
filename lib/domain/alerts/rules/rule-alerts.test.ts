import { describe, expect, it } from "vitest";
import { alertPermission } from "../alert-audience";
import { alertRuleCatalogue, alertRuleEntry } from "./alert-rule-catalogue";
import { approvalWaitingAlert } from "./approval-waiting";
import { durationWords } from "./duration-words";
import { orderFailedNotFixableAlert } from "./order-failed-not-fixable";
import { reconciliationDriftAlert } from "./reconciliation-drift";
import { refundOverdueAlert } from "./refund-overdue";
import { walletLowAlert, walletLowReasons } from "./wallet-low";
import { webhookSignatureFailuresAlert, windowStartOf } from "./webhook-signature-failures";

const now = new Date("2026-03-01T12:34:56Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const minute = 60_000;
const hour = 60 * minute;
const refundId = "0b6f1f4e-2c1a-4a57-9d7e-2a1f7c3b9e10";
const paymentId = "5d0c7a38-6a43-4b5e-8f6c-0e8b9c1d2f3a";

/** One sentence: starts with a capital, ends with the only full stop. */
const oneSentence = /^[A-Z][^]*[.]$/;
const sentenceCount = (text: string) => text.split(/[.](?:\s|$)/).filter((part) => part.trim() !== "").length;

describe("the alert rule catalogue", () => {
  it("knows every rule of issue #16 with the audience and threshold the Settings card offers", () => {
    expect(
      Object.fromEntries(
        alertRuleCatalogue.map(({ rule }) => [
          rule,
          [alertRuleEntry(rule)?.permission, alertRuleEntry(rule)?.threshold ?? null],
        ]),
      ),
    ).toEqual({
      refund_declined: ["refunds:read", null],
      refund_expired: ["refunds:read", null],
      refund_not_collected: ["refunds:read", null],
      refund_needs_attention: ["refunds:read", null],
      refund_overdue: ["refunds:read", null],
      approval_waiting: ["refunds:approve", { unit: "hours", defaultValue: 4, min: 1, max: 168 }],
      wallet_low: ["wallet:read", { unit: "days", defaultValue: 7, min: 1, max: 90 }],
      order_failed_not_fixable: ["orders:read", null],
      webhook_signature_failures: ["webhooks:read", { unit: "count", defaultValue: 10, min: 1, max: 100_000 }],
      reconciliation_drift: ["payments:read", null],
    });
    for (const entry of alertRuleCatalogue) {
      expect(alertPermission(entry.rule)).toBe(entry.permission);
      const { threshold } = alertRuleEntry(entry.rule) ?? {};
      if (threshold)
        expect(threshold.min <= threshold.defaultValue && threshold.defaultValue <= threshold.max).toBe(true);
    }
  });
});

describe("a wait in words", () => {
  it("rounds down to its largest whole unit", () => {
    expect([0, 59_999, minute, 45 * minute, hour, 2 * hour - 1, 24 * hour, 49 * hour].map(durationWords)).toEqual([
      "0 minutes",
      "0 minutes",
      "1 minute",
      "45 minutes",
      "1 hour",
      "1 hour",
      "1 day",
      "2 days",
    ]);
  });
});

describe("the alerts the rules raise", () => {
  it("an overdue refund: how long it waited against what its provider takes, linked to its row", () => {
    const pending = refundOverdueAlert(
      {
        id: refundId,
        paymentId,
        provider: "checkout",
        status: "pending",
        amountMinor: 12_000n,
        currency: "HKD",
        statusChangedAt: ago(3 * hour + 5 * minute),
      },
      now,
    );
    expect(pending).toEqual({
      rule: "refund_overdue",
      dedupeKey: `refund_overdue:${refundId}`,
      subjectType: "refund",
      subjectId: refundId,
      title: "A refund of HK$120.00 has waited 3 hours at Checkout.com, longer than the 1 hour it usually takes.",
      body: "The payment's page shows its last event; Sync now on the Refunds page asks Checkout.com again.",
      href: `/payments/${paymentId}#refund-${refundId}`,
    });
    const unknown = refundOverdueAlert(
      {
        id: refundId,
        paymentId,
        provider: "octo",
        status: "unknown",
        amountMinor: 1_265_000n,
        currency: "UZS",
        statusChangedAt: ago(12 * minute),
      },
      now,
    );
    expect(unknown.title).toBe(
      "A refund of UZS\u00a012,650.00 at OCTO has had no outcome we can trust for 12 minutes.",
    );
  });

  it("an approval waiting: the money and the wait, linked to the approvals queue", () => {
    expect(
      approvalWaitingAlert(
        { id: refundId, amountMinor: 1_500_000n, currency: "HKD", statusChangedAt: ago(5 * hour) },
        now,
      ),
    ).toEqual({
      rule: "approval_waiting",
      dedupeKey: `approval_waiting:${refundId}`,
      subjectType: "refund",
      subjectId: refundId,
      title: "A refund of HK$15,000.00 has waited 5 hours for a second person's approval.",
      body: "Someone other than its requester approves or rejects it in the approvals queue on the Refunds page.",
      href: "/refunds?status=awaiting_approval",
    });
  });

  it("a low wallet: below the admin's threshold, a short runway or both; once per currency per UTC day", () => {
    const wallet = { walletId: 7, currency: "USD", balanceMinor: 12_000n, runwayDays: 3n };
    expect(walletLowReasons(wallet, 50_000n, 7)).toEqual({ belowThresholdMinor: 50_000n, shortRunway: true });
    expect(walletLowReasons(wallet, 12_000n, 3)).toBeNull();
    expect(walletLowReasons({ ...wallet, runwayDays: null }, undefined, 90)).toBeNull();
    expect(walletLowReasons(wallet, undefined, 4)).toEqual({ belowThresholdMinor: null, shortRunway: true });
    const both = walletLowAlert(wallet, { belowThresholdMinor: 50_000n, shortRunway: true }, now);
    expect(both).toEqual({
      rule: "wallet_low",
      dedupeKey: "wallet_low:USD:2026-03-01",
      subjectType: "wallet",
      subjectId: "7",
      title:
        "The USD wallet has $120.00 left, below its $500.00 low-balance threshold and about 3 days of spending at the last 30 days' rate.",
      body: "Top up the wallet before orders are refused for want of funds.",
      href: "/wallet?wallet=7",
    });
    expect(walletLowAlert(wallet, { belowThresholdMinor: 50_000n, shortRunway: false }, now).title).toBe(
      "The USD wallet has $120.00 left, below its $500.00 low-balance threshold.",
    );
    const nextDay = walletLowAlert(
      wallet,
      { belowThresholdMinor: null, shortRunway: true },
      new Date("2026-03-02T00:00:00Z"),
    );
    expect(nextDay.dedupeKey).toBe("wallet_low:USD:2026-03-02");
  });

  it("an order that failed for good: the product and its charge, linked to the order", () => {
    const orderId = "9a3c2b1d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
    expect(
      orderFailedNotFixableAlert({
        id: orderId,
        productName: "Steam HK$100",
        chargeMinor: 1_290n,
        chargeCurrency: "USD",
      }),
    ).toEqual({
      rule: "order_failed_not_fixable",
      dedupeKey: `order_failed_not_fixable:${orderId}`,
      subjectType: "order",
      subjectId: orderId,
      title: "An order for Steam HK$100 ($12.90) failed, and editing it cannot fix it.",
      body: "The order's page says why it failed and shows its charge going back to the wallet.",
      href: `/orders/${orderId}`,
    });
  });

  it("webhook signature failures: the count in a fixed 10-minute window per provider, linked to those receipts", () => {
    expect(windowStartOf(now).toISOString()).toBe("2026-03-01T12:30:00.000Z");
    const alert = webhookSignatureFailuresAlert({
      provider: "checkout",
      windowStart: windowStartOf(now),
      refused: 1_234,
    });
    expect(alert).toEqual({
      rule: "webhook_signature_failures",
      dedupeKey: "webhook_signature_failures:checkout:2026-03-01T12:30:00.000Z",
      subjectType: "webhook_provider",
      subjectId: "checkout",
      title:
        "We refused 1,234 webhooks claiming to come from Checkout.com between 2026-03-01 12:30 and 12:40 UTC without a valid signature.",
      body: "Someone may be forging them, or the signing key we hold for Checkout.com no longer matches its own.",
      href: "/webhooks?provider=checkout&signature=refused",
    });
    expect(
      webhookSignatureFailuresAlert({ provider: "octopus-cards", windowStart: windowStartOf(now), refused: 11 }).title,
    ).toContain("from Octopus Cards");
  });

  it("reconciliation drift: the payment and the fields that still disagree, once per set of fields", () => {
    const alert = reconciliationDriftAlert({
      paymentId,
      reference: "PAY-1001",
      provider: "octo",
      fields: ["captured", "amount"],
    });
    expect(alert).toEqual({
      rule: "reconciliation_drift",
      dedupeKey: `reconciliation_drift:${paymentId}:amount,captured`,
      subjectType: "payment",
      subjectId: paymentId,
      title: "A sync of payment PAY-1001 found our ledger and OCTO disagreeing on its amount and captured amount.",
      body: "The ledger was left as it was; the payment's timeline shows both sides.",
      href: `/payments/${paymentId}#timeline-heading`,
    });
    expect(
      reconciliationDriftAlert({
        paymentId,
        reference: "P",
        provider: "checkout",
        fields: ["status", "currency", "amount"],
      }).title,
    ).toBe("A sync of payment P found our ledger and Checkout.com disagreeing on its amount, currency and status.");
  });

  it("every title and body is one sentence", () => {
    const alerts = [
      refundOverdueAlert(
        {
          id: refundId,
          paymentId,
          provider: "checkout",
          status: "requested",
          amountMinor: 100n,
          currency: "HKD",
          statusChangedAt: ago(2 * hour),
        },
        now,
      ),
      approvalWaitingAlert({ id: refundId, amountMinor: 100n, currency: "HKD", statusChangedAt: ago(5 * hour) }, now),
      walletLowAlert(
        { walletId: 1, currency: "HKD", balanceMinor: 0n, runwayDays: 0n },
        { belowThresholdMinor: 1n, shortRunway: true },
        now,
      ),
      orderFailedNotFixableAlert({
        id: refundId,
        productName: "eSIM Japan 5 GB",
        chargeMinor: 100n,
        chargeCurrency: "USD",
      }),
      webhookSignatureFailuresAlert({ provider: "octo", windowStart: windowStartOf(now), refused: 11 }),
      reconciliationDriftAlert({ paymentId, reference: "P", provider: "octo", fields: ["status"] }),
    ];
    for (const alert of alerts)
      for (const text of [alert.title, alert.body]) {
        expect(text).toMatch(oneSentence);
        expect(sentenceCount(text), text).toBe(1);
      }
  });
});
