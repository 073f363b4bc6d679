import { eq } from "drizzle-orm";
import { paymentEvents, payments } from "@/drizzle/schema/payments";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import type { Database, Transaction } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { recordingProviderExchanges } from "@/lib/integrations/providers/exchange-recording";
import { withApiCalls, type ProviderExchange } from "@/lib/integrations/providers/provider-exchange";
import { paymentProviderLabel } from "@/lib/integrations/providers/provider-labels";
import { paymentProviderFor } from "@/lib/integrations/providers/registry";
import type { PaymentReaders } from "@/lib/integrations/providers/provider-clients";
import { raiseReconciliationDrift } from "@/lib/domain/alerts/rules/reconciliation-drift";
import { applyProviderStatus } from "./apply-provider-status";
import { paymentTransition, type PaymentStatus } from "./payment-status";
import { appErrorOfLookup, formatAmount, PaymentLookupError, type ProviderSnapshot } from "./provider-snapshot";

export type DifferenceField = "status" | "provider_status" | "amount" | "currency" | "captured";

/** One way our row and the provider disagreed, and what the sync did about it. */
export interface PaymentDifference {
  field: DifferenceField;
  ours: string;
  provider: string;
  /** applied: the ledger now follows the provider; refreshed: the provider's word was updated; recorded: noted only. */
  resolution: "applied" | "refreshed" | "recorded";
  note?: string;
}

export interface SyncResult {
  paymentId: string;
  provider: ProviderSnapshot["provider"];
  inStep: boolean;
  differences: PaymentDifference[];
  status: PaymentStatus;
}

type PaymentRow = typeof payments.$inferSelect;

async function readProvider(readers: PaymentReaders, row: PaymentRow): Promise<ProviderSnapshot> {
  const provider = paymentProviderFor(row.provider);
  const { providerPaymentId } = row;
  if (!providerPaymentId) {
    throw new AppError(
      "CONFLICT",
      `${provider.label} never confirmed this payment (it has no provider id), so there is nothing to compare yet.`,
    );
  }
  return provider.readPayment(readers, { ...row, providerPaymentId });
}

/** Compares the locked row with the provider's answer; nothing is written here. */
function compare(row: PaymentRow, snapshot: ProviderSnapshot): PaymentDifference[] {
  const differences: PaymentDifference[] = [];
  const label = paymentProviderLabel(row.provider);
  const transition = snapshot.status === null ? null : paymentTransition(row.status, snapshot.status);
  if (snapshot.status === null) {
    differences.push({
      field: "status",
      ours: row.status,
      provider: snapshot.providerStatus,
      resolution: "recorded",
      note: `${label}'s status is not one the ledger knows`,
    });
  } else if (transition === "advance") {
    differences.push({ field: "status", ours: row.status, provider: snapshot.status, resolution: "applied" });
  } else if (transition === "backwards") {
    differences.push({
      field: "status",
      ours: row.status,
      provider: snapshot.status,
      resolution: "recorded",
      note: "not applied: statuses only move forward",
    });
  }
  if (row.providerStatus !== snapshot.providerStatus) {
    differences.push({
      field: "provider_status",
      ours: row.providerStatus ?? "none",
      provider: snapshot.providerStatus,
      resolution:
        transition === "backwards" || snapshot.status === null
          ? "recorded"
          : transition === "advance"
            ? "applied"
            : "refreshed",
    });
  }
  if (row.currency !== snapshot.currency) {
    differences.push({ field: "currency", ours: row.currency, provider: snapshot.currency, resolution: "recorded" });
  } else {
    if (snapshot.amountMinor !== null && snapshot.amountMinor !== row.amountMinor) {
      differences.push({
        field: "amount",
        ours: formatAmount(row.amountMinor, row.currency),
        provider: formatAmount(snapshot.amountMinor, row.currency),
        resolution: "recorded",
      });
    }
    const capturedByAdvance = transition === "advance" && snapshot.status === "captured";
    if (snapshot.capturedMinor !== null && snapshot.capturedMinor !== row.capturedMinor) {
      const applies = capturedByAdvance && snapshot.capturedMinor <= row.amountMinor;
      differences.push({
        field: "captured",
        ours: formatAmount(row.capturedMinor, row.currency),
        provider: formatAmount(snapshot.capturedMinor, row.currency),
        resolution: applies ? "applied" : "recorded",
        ...(capturedByAdvance &&
          !applies && { note: "the provider's figure exceeds the ledger amount; captured set to the ledger amount" }),
      });
    }
  }
  return differences;
}

async function recordSync(
  tx: Transaction,
  row: PaymentRow,
  actor: AuditActor,
  now: Date,
  after: { status: PaymentStatus; detail: Record<string, unknown> },
) {
  await tx.insert(paymentEvents).values({
    paymentId: row.id,
    at: now,
    source: "staff",
    kind: "synced",
    actorUserId: actor.userId,
    fromStatus: row.status,
    toStatus: after.status,
    detail: after.detail,
  });
  // The audit entry keeps the outcome, not the provider's bodies (they are on the timeline event).
  const outcome = Object.fromEntries(Object.entries(after.detail).filter(([key]) => key !== "apiCalls"));
  await recordAudit(tx, actor, {
    action: "payment.synced",
    targetType: "payment",
    targetId: row.id,
    before: { status: row.status, providerStatus: row.providerStatus },
    after: { status: after.status, ...outcome },
  });
}

/**
 * Re-reads one ledger payment at its provider (outside any transaction), then, with the row
 * locked: compares status, the provider's word, amount, currency and captured amount; applies a
 * forward status change through applyProviderStatus (source provider_poll); refreshes the
 * provider's word when our status already matches; and always writes one staff "synced"
 * timeline event and an audit entry, with the differences found (or none). A provider answer
 * that would move the status backwards is recorded as a difference, never applied. A difference
 * recorded and not applied (the ledger still disagrees) is kept on the payment (sync_disagreement,
 * cleared by a later sync that leaves nothing disagreeing) and raises the reconciliation drift
 * alert (outbox, same transaction). A failed read is recorded the same way before the error is returned.
 */
export async function syncPayment(
  db: Database,
  readers: PaymentReaders,
  paymentId: string,
  actor: AuditActor,
  now = new Date(),
): Promise<SyncResult> {
  const [row] = await db.select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  if (!row)
    throw new AppError("NOT_FOUND", "There is no payment with this id in the ledger.", {
      fieldErrors: { paymentId: ["was not found in the ledger"] },
    });

  let snapshot: ProviderSnapshot;
  const apiCalls: ProviderExchange[] = [];
  try {
    snapshot = await recordingProviderExchanges(apiCalls, () => readProvider(readers, row));
  } catch (error) {
    if (!(error instanceof PaymentLookupError)) throw error;
    await db.transaction((tx) =>
      recordSync(tx, row, actor, now, {
        status: row.status,
        detail: withApiCalls({ provider: row.provider, error: error.message }, apiCalls),
      }),
    );
    throw appErrorOfLookup(error);
  }

  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
    if (!locked) throw new Error("payment disappeared while syncing");
    const differences = compare(locked, snapshot);
    let status = locked.status;
    const statusDifference = differences.find((d) => d.field === "status");
    if (snapshot.status !== null && statusDifference?.resolution === "applied") {
      const captured = snapshot.capturedMinor ?? snapshot.amountMinor;
      await applyProviderStatus(
        tx,
        {
          provider: locked.provider,
          providerPaymentId: snapshot.providerPaymentId,
          status: snapshot.status,
          providerStatus: snapshot.providerStatus,
          // Never more than our amount: a disagreement about the amount is recorded, not written.
          amountMinor: captured !== null && captured > 0n && captured <= locked.amountMinor ? captured : undefined,
        },
        { source: "provider_poll", at: now, detail: { sync: true, providerStatus: snapshot.providerStatus } },
      );
      status = snapshot.status;
    } else if (differences.some((d) => d.field === "provider_status" && d.resolution === "refreshed")) {
      await tx
        .update(payments)
        .set({ providerStatus: snapshot.providerStatus, updatedAt: now })
        .where(eq(payments.id, locked.id));
    }
    const inStep = differences.length === 0;
    const leftDisagreeing = [...new Set(differences.filter((d) => d.resolution === "recorded").map((d) => d.field))];
    const syncDisagreement = leftDisagreeing.length ? leftDisagreeing.sort() : null;
    // Most syncs agree, as the last one did: no write (and no money-slot trigger) when nothing changed.
    if (syncDisagreement?.join() !== locked.syncDisagreement?.join())
      await tx.update(payments).set({ syncDisagreement }).where(eq(payments.id, locked.id));
    await raiseReconciliationDrift(tx, {
      paymentId: locked.id,
      reference: locked.reference,
      provider: locked.provider,
      fields: leftDisagreeing,
    });
    await recordSync(tx, locked, actor, now, {
      status,
      detail: withApiCalls(
        { provider: locked.provider, inStep, differences: differences.map((d) => ({ ...d })) },
        apiCalls,
      ),
    });
    return { paymentId: locked.id, provider: locked.provider, inStep, differences, status };
  });
}

export function describeDifference(d: PaymentDifference, providerLabel: string): string {
  const name = {
    status: "Status",
    provider_status: "Provider status",
    amount: "Amount",
    currency: "Currency",
    captured: "Captured",
  }[d.field];
  const what = { applied: "now follows the provider", refreshed: "updated", recorded: "not changed" }[d.resolution];
  return `${name}: ledger ${d.ours}, ${providerLabel} ${d.provider} (${d.note ?? what})`;
}
