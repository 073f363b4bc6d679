import { and, eq } from "drizzle-orm";
import { paymentEvents, payments, type paymentEventSources, type paymentProviders } from "@/drizzle/schema/payments";
import type { Transaction } from "@/lib/platform/db/types";
import { linkRequestedPayment } from "./link-requested-payment";
import { paymentTransition, type PaymentStatus } from "./payment-status";

export interface ProviderPaymentFacts {
  provider: (typeof paymentProviders)[number];
  providerPaymentId: string;
  status: PaymentStatus;
  providerStatus: string;
  /** Needed to create a payment first seen at the provider; without them an unknown payment is not created. */
  amountMinor?: bigint;
  currency?: string;
  reference?: string;
  /** Our payment id when the provider echoes it (Checkout.com metadata.payment_id). */
  ourPaymentId?: string;
}

export type ApplyOutcome =
  | { kind: "created"; paymentId: string }
  | { kind: "advanced"; paymentId: string; from: PaymentStatus }
  | { kind: "unchanged"; paymentId: string }
  | { kind: "out_of_order"; paymentId: string; current: PaymentStatus }
  | { kind: "unknown_payment" };

/**
 * Brings our ledger row in step with a fact from the provider (webhook, poll or import), inside
 * the caller's transaction: locks the payment row, creates it if the provider made it elsewhere,
 * moves its status only forward, and writes the timeline event. Out-of-order facts are reported,
 * never applied.
 */
export async function applyProviderStatus(
  tx: Transaction,
  facts: ProviderPaymentFacts,
  origin: { source: (typeof paymentEventSources)[number]; at: Date; detail?: Record<string, unknown> },
): Promise<ApplyOutcome> {
  const [known] = await tx
    .select({ id: payments.id, status: payments.status, amountMinor: payments.amountMinor })
    .from(payments)
    .where(and(eq(payments.provider, facts.provider), eq(payments.providerPaymentId, facts.providerPaymentId)))
    .for("update")
    .limit(1);
  const current = known ?? (await linkRequestedPayment(tx, facts));
  const event = { source: origin.source, at: origin.at, detail: origin.detail ?? null };

  if (!current) {
    if (facts.amountMinor === undefined || !facts.currency) return { kind: "unknown_payment" };
    const [created] = await tx
      .insert(payments)
      .values({
        provider: facts.provider,
        flow: "external",
        status: facts.status,
        providerStatus: facts.providerStatus,
        providerPaymentId: facts.providerPaymentId,
        reference: facts.reference ?? facts.providerPaymentId,
        amountMinor: facts.amountMinor,
        currency: facts.currency,
        capturedMinor: facts.status === "captured" ? facts.amountMinor : 0n,
        createdAt: origin.at,
        updatedAt: origin.at,
        statusChangedAt: origin.at,
      })
      .returning({ id: payments.id });
    if (!created) throw new Error("payment insert returned no row");
    await tx
      .insert(paymentEvents)
      .values({ ...event, paymentId: created.id, kind: "created_from_provider", toStatus: facts.status });
    return { kind: "created", paymentId: created.id };
  }

  const transition = paymentTransition(current.status, facts.status);
  if (transition === "backwards") {
    await tx.insert(paymentEvents).values({
      ...event,
      paymentId: current.id,
      kind: "ignored_out_of_order",
      fromStatus: current.status,
      toStatus: facts.status,
    });
    return { kind: "out_of_order", paymentId: current.id, current: current.status };
  }
  if (transition === "same") {
    await tx.insert(paymentEvents).values({
      ...event,
      paymentId: current.id,
      kind: "confirmed",
      fromStatus: current.status,
      toStatus: facts.status,
    });
    return { kind: "unchanged", paymentId: current.id };
  }
  await tx
    .update(payments)
    .set({
      status: facts.status,
      providerStatus: facts.providerStatus,
      statusChangedAt: origin.at,
      updatedAt: origin.at,
      ...(facts.status === "captured" && { capturedMinor: facts.amountMinor ?? current.amountMinor }),
    })
    .where(eq(payments.id, current.id));
  await tx.insert(paymentEvents).values({
    ...event,
    paymentId: current.id,
    kind: "status_changed",
    fromStatus: current.status,
    toStatus: facts.status,
  });
  return { kind: "advanced", paymentId: current.id, from: current.status };
}
