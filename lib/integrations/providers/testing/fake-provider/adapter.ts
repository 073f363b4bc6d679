import { eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { formatMinor } from "@/lib/platform/money/convert";
import { lookupErrorOf, type ProviderSnapshot } from "@/lib/domain/payments/provider-snapshot";
import type { PaymentProvider } from "../../payment-provider";
import { refundableMinorOf, type RefundRuleViolation } from "../../provider-profile";
import { FakePayClient, type FakePayPayment } from "./client";
import { fakePayStatusOf } from "./mapper";
import { fakePayName, fakePayWebhookResponse } from "./webhook";

function snapshotOf(payment: FakePayPayment): ProviderSnapshot {
  const status = fakePayStatusOf(payment.status);
  return {
    provider: fakePayName,
    providerPaymentId: payment.id,
    providerStatus: payment.status,
    status,
    amountMinor: payment.amountMinor,
    capturedMinor: status === "captured" ? payment.amountMinor : 0n,
    currency: payment.currency,
    reference: payment.reference,
  };
}

async function read(client: FakePayClient, id: string): Promise<ProviderSnapshot> {
  try {
    return snapshotOf(await client.getPayment(id));
  } catch (error) {
    throw lookupErrorOf(error, fakePayName, id);
  }
}

/**
 * Test-only fourth payment provider, built from nothing but the PaymentProvider interface: it
 * proves a provider plugs in through the registry alone (registerTestPaymentProvider).
 */
export function createFakePayProvider(
  client = new FakePayClient(),
): PaymentProvider<string> & { client: FakePayClient } {
  return {
    client,
    name: fakePayName,
    label: "FakePay",
    fullLabel: "FakePay",
    paymentIdShape: { prefix: "fp_" },
    import: { idHint: "fp_ and a UUID.", currencies: null },
    requestFlows: {},
    refundRules(payment, amountMinor) {
      const violations: RefundRuleViolation[] = [];
      if (payment.status !== "captured")
        violations.push({ rule: "FAKEPAY_NOT_PAID", message: "FakePay refunds only paid payments" });
      if (amountMinor <= 0n) violations.push({ rule: "AMOUNT_POSITIVE", message: "must be greater than zero" });
      if (amountMinor > refundableMinorOf(payment))
        violations.push({ rule: "EXCEEDS_REFUNDABLE", message: "is more than is still refundable" });
      return violations;
    },
    refundRulesSummary: (_payment, money) => `FakePay: any amount from ${money(1n)} up to what was paid.`,
    refunds: { collectionDays: null, pendingOverdueAfterMs: 60_000 },
    referenceIdentifiesPayment: false,
    async requestPayment(_request, payment) {
      const created = await client.createPayment({
        key: payment.idempotencyKey,
        amountMinor: payment.amountMinor,
        currency: payment.currency,
        reference: payment.reference,
      });
      return {
        providerPaymentId: created.id,
        providerStatus: created.status,
        status: fakePayStatusOf(created.status) ?? "pending",
        landingUrl: `https://fakepay.example/pay/${created.id}`,
        octopusUri: null,
      };
    },
    findPayment: (_readers, lookup) => read(client, lookup.id),
    readPayment: (_readers, payment) => read(client, payment.providerPaymentId),
    ledgerPaymentsNamed: (id) => eq(payments.providerPaymentId, id),
    paymentStatusOf: fakePayStatusOf,
    async refund(deps, refund, providerPaymentId) {
      const answer = await client.refund({
        key: refund.idempotencyKey,
        paymentId: providerPaymentId,
        amountMinor: refund.amountMinor,
      });
      return {
        to: "approved",
        facts: {
          providerRefundId: answer.id,
          providerStatus: answer.status,
          providerDecidedAt: await deps.providerNow(),
        },
        detail: { refundId: answer.id, amount: formatMinor(answer.amountMinor, refund.currency) },
      };
    },
    async readRefund(deps, refund) {
      const answer = await client.getRefund(refund.idempotencyKey);
      if (!answer) return { to: null, kind: "polled", facts: {}, said: { refund: "not at FakePay" } };
      return {
        to: "approved",
        kind: "polled",
        facts: {
          providerRefundId: answer.id,
          providerStatus: answer.status,
          providerDecidedAt: await deps.providerNow(),
        },
        said: { refundId: answer.id, status: answer.status },
      };
    },
    webhook: { respond: fakePayWebhookResponse },
  };
}
