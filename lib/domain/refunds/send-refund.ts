import { eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import type { Database } from "@/lib/platform/db/types";
import { log } from "@/lib/platform/log/logger";
import { describeProviderFailure } from "@/lib/integrations/providers/provider-failure";
import type { PaymentProviderClients } from "@/lib/integrations/providers/provider-clients";
import { recordingProviderExchanges } from "@/lib/integrations/providers/exchange-recording";
import { withApiCalls, type ProviderExchange } from "@/lib/integrations/providers/provider-exchange";
import { paymentProviderFor } from "@/lib/integrations/providers/registry";
import { transitionRefund, type RefundFacts, type RefundRow } from "./transition-refund";
import type { RefundStatus } from "./refund-status";

export interface RefundDeps {
  db: Database;
  clients: PaymentProviderClients;
  /** Sandbox mode: let Checkout.com's trigger amounts (…51, …52, …53) through the Octopus "ends in 0" rule. */
  sandboxTriggers: boolean;
  now: () => Date;
  /** The providers' clock (lib/domain/refunds/provider-clock.ts): the sandbox clock in sandbox mode. */
  providerNow: () => Promise<Date>;
}

/** [OURS] First look at a refund whose outcome is not known yet, and at a pending one. */
export const firstCheckDelayMs = { unknown: 30_000, pending: 60_000 } as const;

/**
 * Phase B and C: the provider call with the refund's stored key (Checkout.com
 * Cko-Idempotency-Key, OCTO shop_refund_id), outside any transaction, then its answer recorded
 * through the state machine. A refusal fails the refund and releases its reservation; no answer
 * (timeout, reset, 5xx, 429) leaves it unknown with the money reserved, for the reconciler.
 */
export async function sendRefund(deps: RefundDeps, refund: RefundRow): Promise<RefundRow> {
  const [payment] = await deps.db.select().from(payments).where(eq(payments.id, refund.paymentId));
  if (!payment?.providerPaymentId) throw new Error(`refund ${refund.id}: payment has no provider id`);
  let to: RefundStatus;
  let facts: RefundFacts;
  let detail: Record<string, unknown>;
  const apiCalls: ProviderExchange[] = [];
  const providerPaymentId = payment.providerPaymentId;
  const provider = paymentProviderFor(refund.provider);
  try {
    ({ to, facts, detail } = await recordingProviderExchanges(apiCalls, () =>
      provider.refund(deps, refund, providerPaymentId),
    ));
  } catch (error) {
    const failure = describeProviderFailure(error);
    to = failure.outcome === "rejected" ? "failed" : "unknown";
    facts = { providerStatus: failure.detail.code === undefined ? failure.message : String(failure.detail.code) };
    detail = { message: failure.message, ...failure.detail };
    if (to === "unknown")
      log.warn({ refundId: refund.id, idempotencyKey: refund.idempotencyKey, err: error }, "refund outcome unknown");
  }
  const now = deps.now();
  const watch = to === "unknown" ? firstCheckDelayMs.unknown : to === "pending" ? firstCheckDelayMs.pending : null;
  await deps.db.transaction((tx) =>
    transitionRefund(
      tx,
      refund.id,
      to,
      { ...facts, nextCheckAt: watch === null ? null : new Date(now.getTime() + watch) },
      { source: "api_call", kind: "provider_answer", at: now, detail: withApiCalls(detail, apiCalls) },
    ),
  );
  const [updated] = await deps.db.select().from(refunds).where(eq(refunds.id, refund.id));
  if (!updated) throw new Error(`refund ${refund.id} vanished`);
  return updated;
}
