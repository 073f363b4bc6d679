import { and, eq, isNull } from "drizzle-orm";
import { paymentEvents, payments } from "@/drizzle/schema/payments";
import type { Transaction } from "@/lib/platform/db/types";
import type { PaymentStatus } from "./payment-status";
import type { ProviderPaymentFacts } from "./apply-provider-status";
import { paymentProviderFor } from "@/lib/integrations/providers/registry";

/**
 * A provider event can overtake the provider's own answer to our request: the payment exists
 * there, and our row (status "requested") does not know its id yet. Rather than creating a
 * second, "external" row, such a fact is linked to our request when it names it for certain:
 * our payment id in Checkout.com metadata, or OCTO's shop_transaction_id (our reference, unique
 * among OCTO payments). Without either, a Checkout.com fact is linked only to the single waiting
 * request with the same reference, amount and currency.
 */
export async function linkRequestedPayment(
  tx: Transaction,
  facts: ProviderPaymentFacts,
): Promise<{ id: string; status: PaymentStatus; amountMinor: bigint } | null> {
  const waiting = and(eq(payments.provider, facts.provider), isNull(payments.providerPaymentId));
  const columns = { id: payments.id, status: payments.status, amountMinor: payments.amountMinor };
  let candidates: Array<{ id: string; status: PaymentStatus; amountMinor: bigint }> = [];
  if (facts.ourPaymentId) {
    candidates = await tx
      .select(columns)
      .from(payments)
      .where(and(waiting, eq(payments.id, facts.ourPaymentId)))
      .for("update");
  } else if (facts.reference && paymentProviderFor(facts.provider).referenceIdentifiesPayment) {
    candidates = await tx
      .select(columns)
      .from(payments)
      .where(and(waiting, eq(payments.reference, facts.reference)))
      .for("update");
  } else if (facts.reference && facts.amountMinor !== undefined && facts.currency) {
    candidates = await tx
      .select(columns)
      .from(payments)
      .where(
        and(
          waiting,
          eq(payments.status, "requested"),
          eq(payments.reference, facts.reference),
          eq(payments.amountMinor, facts.amountMinor),
          eq(payments.currency, facts.currency),
        ),
      )
      .limit(2)
      .for("update");
  }
  const [match] = candidates;
  if (!match || candidates.length > 1) return null;
  if (facts.amountMinor !== undefined && facts.amountMinor !== match.amountMinor) return null;
  await tx.update(payments).set({ providerPaymentId: facts.providerPaymentId }).where(eq(payments.id, match.id));
  await tx.insert(paymentEvents).values({
    paymentId: match.id,
    source: "system",
    kind: "linked_to_provider",
    detail: { providerPaymentId: facts.providerPaymentId },
  });
  return match;
}
