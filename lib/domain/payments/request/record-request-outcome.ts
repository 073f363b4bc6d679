import { eq } from "drizzle-orm";
import { paymentEvents, payments } from "@/drizzle/schema/payments";
import type { Database } from "@/lib/platform/db/types";
import { withApiCalls, type ProviderExchange } from "@/lib/integrations/providers/provider-exchange";
import type { ProviderFailure } from "@/lib/integrations/providers/provider-failure";
import { paymentTransition } from "../payment-status";
import type { ProviderAcceptance } from "./send-payment-request";

/**
 * The provider accepted the request: store its ids and customer links and move the status
 * forward. A webhook may have got here first (and linked the provider id already), so the
 * status never moves backwards and an already stored id is kept.
 */
export async function recordAcceptance(
  db: Database,
  paymentId: string,
  accepted: ProviderAcceptance,
  at = new Date(),
  apiCalls: readonly ProviderExchange[] = [],
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update").limit(1);
    if (!row) throw new Error(`payment ${paymentId} vanished`);
    if (row.providerPaymentId && row.providerPaymentId !== accepted.providerPaymentId) {
      throw new Error(
        `payment ${paymentId} is linked to ${row.providerPaymentId}, the provider answered ${accepted.providerPaymentId}`,
      );
    }
    const advances = paymentTransition(row.status, accepted.status) === "advance";
    await tx
      .update(payments)
      .set({
        providerPaymentId: accepted.providerPaymentId,
        providerSetupId: accepted.providerSetupId ?? row.providerSetupId,
        landingUrl: accepted.landingUrl,
        octopusUri: accepted.octopusUri,
        updatedAt: at,
        ...(advances && { status: accepted.status, providerStatus: accepted.providerStatus, statusChangedAt: at }),
      })
      .where(eq(payments.id, paymentId));
    await tx.insert(paymentEvents).values({
      paymentId,
      at,
      source: "api_call",
      kind: "provider_accepted",
      fromStatus: row.status,
      toStatus: advances ? accepted.status : row.status,
      detail: withApiCalls(
        { providerPaymentId: accepted.providerPaymentId, providerStatus: accepted.providerStatus },
        apiCalls,
      ),
    });
  });
}

/** The provider refused: nothing exists there, so our row is final as "failed". */
export async function recordRejection(
  db: Database,
  paymentId: string,
  failure: ProviderFailure,
  at = new Date(),
  apiCalls: readonly ProviderExchange[] = [],
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: payments.status })
      .from(payments)
      .where(eq(payments.id, paymentId))
      .for("update")
      .limit(1);
    if (!row) throw new Error(`payment ${paymentId} vanished`);
    const fails = row.status === "requested";
    if (fails)
      await tx
        .update(payments)
        .set({ status: "failed", providerStatus: null, statusChangedAt: at, updatedAt: at })
        .where(eq(payments.id, paymentId));
    await tx.insert(paymentEvents).values({
      paymentId,
      at,
      source: "api_call",
      kind: "provider_rejected",
      fromStatus: row.status,
      toStatus: fails ? "failed" : row.status,
      detail: withApiCalls({ message: failure.message, ...failure.detail }, apiCalls),
    });
  });
}

/**
 * No answer we can trust: the payment may exist at the provider. The row stays "requested" and
 * is resumed later with the same key (never a new one), which the provider de-duplicates.
 */
export async function recordUnknownOutcome(
  db: Database,
  paymentId: string,
  failure: ProviderFailure,
  at = new Date(),
  apiCalls: readonly ProviderExchange[] = [],
): Promise<void> {
  await db.insert(paymentEvents).values({
    paymentId,
    at,
    source: "api_call",
    kind: "outcome_unknown",
    detail: withApiCalls({ message: failure.message, ...failure.detail }, apiCalls),
  });
}
