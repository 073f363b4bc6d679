import { and, asc, eq } from "drizzle-orm";
import { paymentEvents, payments, type PaymentProviderName } from "@/drizzle/schema/payments";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { uniqueViolationOf } from "@/lib/platform/db/errors";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { recordingProviderExchanges } from "@/lib/integrations/providers/exchange-recording";
import { withApiCalls, type ProviderExchange } from "@/lib/integrations/providers/provider-exchange";
import { paymentProviderFor } from "@/lib/integrations/providers/registry";
import type { ImportPaymentInput } from "@/lib/app/validation/payments";
import type { PaymentReaders } from "@/lib/integrations/providers/provider-clients";
import { applyProviderStatus } from "./apply-provider-status";
import type { PaymentStatus } from "./payment-status";
import { appErrorOfLookup, formatAmount, PaymentLookupError, type ProviderSnapshot } from "./provider-snapshot";
import { syncPayment, type SyncResult } from "./sync-payment";

export type ImportResult =
  | {
      kind: "imported";
      paymentId: string;
      provider: PaymentProviderName;
      providerPaymentId: string;
      status: PaymentStatus;
      amount: string;
    }
  | { kind: "already_in_ledger"; paymentId: string; provider: PaymentProviderName; sync: SyncResult };

async function ledgerPaymentFor(db: Database, provider: PaymentProviderName, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.provider, provider), paymentProviderFor(provider).ledgerPaymentsNamed(id)))
    .orderBy(asc(payments.createdAt))
    .limit(1);
  return row?.id;
}

async function readAtProvider(readers: PaymentReaders, input: ImportPaymentInput): Promise<ProviderSnapshot> {
  try {
    return await paymentProviderFor(input.provider).findPayment(readers, {
      id: input.paymentId,
      currency: input.currency,
    });
  } catch (error) {
    if (!(error instanceof PaymentLookupError)) throw error;
    throw appErrorOfLookup(error, "paymentId");
  }
}

/**
 * Brings a payment made at the provider into the ledger: reads it there (Checkout.com by pay_
 * id; OCTO by shop_transaction_id with the currency staff give, since OCTO never says it),
 * creates it as flow "external" through applyProviderStatus, and writes a staff "imported"
 * timeline event and an audit entry in the same transaction. A payment already in the ledger
 * is not imported twice: it is synced instead, and the result says so.
 */
export async function importPayment(
  db: Database,
  readers: PaymentReaders,
  input: ImportPaymentInput,
  actor: AuditActor,
  now = new Date(),
): Promise<ImportResult> {
  const existing = await ledgerPaymentFor(db, input.provider, input.paymentId);
  if (existing)
    return {
      kind: "already_in_ledger",
      paymentId: existing,
      provider: input.provider,
      sync: await syncPayment(db, readers, existing, actor, now),
    };

  const apiCalls: ProviderExchange[] = [];
  const snapshot = await recordingProviderExchanges(apiCalls, () => readAtProvider(readers, input));
  const provider = paymentProviderFor(snapshot.provider);
  const label = provider.label;
  // Found under its shop_transaction_id, but the ledger knows it by UUID under another reference.
  const known = await ledgerPaymentFor(db, snapshot.provider, snapshot.providerPaymentId);
  if (known)
    return {
      kind: "already_in_ledger",
      paymentId: known,
      provider: snapshot.provider,
      sync: await syncPayment(db, readers, known, actor, now),
    };
  if (!snapshot.status)
    throw new AppError(
      "CONFLICT",
      `${label} reports status "${snapshot.providerStatus}", which the ledger does not know; nothing was imported.`,
    );
  if (snapshot.amountMinor === null || snapshot.amountMinor <= 0n)
    throw new AppError(
      "CONFLICT",
      `${label}'s answer carries no amount, so the payment cannot be entered in the ledger.`,
    );
  const status = snapshot.status;
  const amountMinor = snapshot.amountMinor;
  // A provider whose answers carry no currency was given one by staff on the import form.
  const currencySource = provider.import.currencies ? "staff" : "provider";

  const importOnce = () =>
    db.transaction(async (tx) => {
      const applied = await applyProviderStatus(
        tx,
        {
          provider: snapshot.provider,
          providerPaymentId: snapshot.providerPaymentId,
          status,
          providerStatus: snapshot.providerStatus,
          amountMinor,
          currency: snapshot.currency,
          reference: snapshot.reference ?? undefined,
        },
        { source: "provider_poll", at: now, detail: { import: true, providerStatus: snapshot.providerStatus } },
      );
      if (!("paymentId" in applied)) throw new Error("import could not create the payment");
      const detail = {
        provider: snapshot.provider,
        providerPaymentId: snapshot.providerPaymentId,
        reference: snapshot.reference,
        providerStatus: snapshot.providerStatus,
        amount: formatAmount(amountMinor, snapshot.currency),
        currencySource,
        outcome: applied.kind,
      };
      await tx.insert(paymentEvents).values({
        paymentId: applied.paymentId,
        at: now,
        source: "staff",
        kind: "imported",
        actorUserId: actor.userId,
        toStatus: status,
        detail: withApiCalls(detail, apiCalls),
      });
      await recordAudit(tx, actor, {
        action: "payment.imported",
        targetType: "payment",
        targetId: applied.paymentId,
        after: { status, ...detail },
      });
      return applied.paymentId;
    });
  let paymentId: string;
  try {
    paymentId = await importOnce();
  } catch (error) {
    // A webhook created the same payment meanwhile: it exists now, so this import applies to it.
    if (uniqueViolationOf(error) !== "payments_provider_payment_id_unique") throw error;
    paymentId = await importOnce();
  }
  return {
    kind: "imported",
    paymentId,
    provider: snapshot.provider,
    providerPaymentId: snapshot.providerPaymentId,
    status,
    amount: formatAmount(amountMinor, snapshot.currency),
  };
}
