import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { systemActor } from "@/lib/domain/audit/record-audit";
import { applyProviderStatus } from "@/lib/domain/payments/apply-provider-status";
import { requestPayment, type PaymentRequestDeps } from "@/lib/domain/payments/request/request-payment";
import { requestPaymentInput } from "@/lib/domain/payments/request/request-payment-input";
import { AppError } from "@/lib/platform/errors";
import { minorToMajorString } from "@/lib/platform/money/convert";
import { issueRefund } from "@/lib/domain/refunds/issue-refund";
import { issueRefundInput } from "@/lib/domain/refunds/refund-input";
import { customerDecides, providerFacts } from "./customer-journey";
import type { SeedPayment } from "./seed-plan";

const seedActor = systemActor("system:sandbox-seed");

export interface SeedSummary {
  requested: number;
  notAccepted: number;
  byStatus: Record<string, number>;
  refunds: number;
}

/**
 * Finance refunds part or all of a captured payment with the dashboard's own refund flow; the
 * sandbox decides it like any other. A partial refund is about a third, kept to the provider's
 * rules (multiples of 0.10 for Octopus); one the rules refuse (OCTO's 1 USD minimum) is skipped.
 */
async function refundLater(
  deps: PaymentRequestDeps,
  paymentId: string,
  kind: "partial" | "full",
  amountMinor: bigint,
  currency: string,
  at: Date,
): Promise<boolean> {
  const partialMinor = (amountMinor / 3n / 100n) * 100n;
  const input = issueRefundInput.parse({
    paymentId,
    kind,
    amount: kind === "partial" ? minorToMajorString(partialMinor, currency) : undefined,
    reason: kind === "full" ? "customer_request" : "product_issue",
    idempotencyKey: randomUUID(),
  });
  try {
    await issueRefund(
      { db: deps.db, clients: deps.clients, sandboxTriggers: false, now: () => at, providerNow: async () => at },
      seedActor,
      input,
    );
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/**
 * Makes the planned payments through the sandboxes with the dashboard's own request flow, lets
 * the simulated customer decide on the provider's page, and records what the provider then says
 * (as a provider poll), so ledger and providers agree. Our records carry the planned, back-dated
 * times; the simulators' own timestamps are the real time of seeding.
 */
export async function seedSandboxHistory(deps: PaymentRequestDeps, plan: readonly SeedPayment[]): Promise<SeedSummary> {
  const summary: SeedSummary = { requested: 0, notAccepted: 0, byStatus: {}, refunds: 0 };
  for (const spec of plan) {
    const input = requestPaymentInput.parse({
      method: spec.method,
      currency: spec.currency,
      amount: spec.amountMajor,
      description: spec.description,
      customerEmail: spec.customerEmail,
      customerName: spec.customerName,
      idempotencyKey: randomUUID(),
    });
    const outcome = await requestPayment(deps, seedActor, input, spec.requestedAt);
    summary.requested += 1;
    if (outcome.kind !== "accepted") {
      console.warn(`[sandbox seed] ${spec.method} ${spec.amountMajor} ${spec.currency} not accepted:`, outcome);
      summary.notAccepted += 1;
      continue;
    }
    const [payment] = await deps.db.select().from(payments).where(eq(payments.id, outcome.paymentId));
    if (!payment) continue;
    await customerDecides(payment, spec.decision);
    const facts = await providerFacts(deps, payment);
    if (!facts) continue;
    // The customer answers one to six minutes after the request.
    const decidedAt = new Date(spec.requestedAt.getTime() + 60_000 + Number(payment.amountMinor % 300n) * 1_000);
    await deps.db.transaction((tx) =>
      applyProviderStatus(tx, facts, { source: "provider_poll", at: decidedAt, detail: { by: "sandbox seed" } }),
    );
    summary.byStatus[facts.status] = (summary.byStatus[facts.status] ?? 0) + 1;
    if (facts.status === "captured" && spec.refund !== "none") {
      const refundedAt = new Date(decidedAt.getTime() + 3 * 3_600_000);
      if (await refundLater(deps, payment.id, spec.refund, payment.amountMinor, payment.currency, refundedAt))
        summary.refunds += 1;
    }
  }
  return summary;
}
