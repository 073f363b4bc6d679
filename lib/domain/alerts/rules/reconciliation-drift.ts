import { paymentProviderLabelOrName } from "@/lib/integrations/providers/provider-labels";
import type { Transaction } from "@/lib/platform/db/types";
import { disagreementInWords, type DriftField } from "@/lib/domain/payments/sync-disagreement-words";
import { raiseAlert, type OutboxAlert } from "./outbox-alert";

export interface PaymentDrift {
  paymentId: string;
  reference: string;
  provider: string;
  /** The fields where the provider's word was recorded but not applied: the ledger still says otherwise. */
  fields: DriftField[];
}

export function reconciliationDriftAlert(drift: PaymentDrift): OutboxAlert {
  const fields = [...new Set(drift.fields)].sort();
  const provider = paymentProviderLabelOrName(drift.provider);
  return {
    rule: "reconciliation_drift",
    // A later sync that finds a different disagreement on the same payment is news; the same one is not.
    dedupeKey: `reconciliation_drift:${drift.paymentId}:${fields.join(",")}`,
    subjectType: "payment",
    subjectId: drift.paymentId,
    title: `A sync of payment ${drift.reference} found our ledger and ${provider} disagreeing on its ${disagreementInWords(fields)}.`,
    body: "The ledger was left as it was; the payment's timeline shows both sides.",
    href: `/payments/${drift.paymentId}#timeline-heading`,
  };
}

/** Raised by syncPayment in the transaction that records the sync, when a difference was recorded, not applied. */
export async function raiseReconciliationDrift(tx: Transaction, drift: PaymentDrift): Promise<void> {
  if (drift.fields.length === 0) return;
  await raiseAlert(tx, reconciliationDriftAlert(drift));
}
