import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { AppError } from "@/lib/platform/errors";
import { refundStatusLabels } from "../refund-status";
import type { RefundDeps } from "../send-refund";
import { syncRefund } from "./sync-refund";

export interface SyncRefundsSummary {
  changed: Array<{ refundId: string; from: string; to: string }>;
  unchanged: number;
  refused: Array<{ refundId: string; reason: string }>;
  /** Checks the provider did not answer (or answered with an error): nothing was learnt. */
  failed: Array<{ refundId: string; reason: string }>;
}

/** "Sync now" for one refund or a selection: each is checked on its own; one refusal does not stop the rest. */
export async function syncRefunds(
  deps: RefundDeps,
  actor: AuditActor,
  refundIds: readonly string[],
): Promise<SyncRefundsSummary> {
  const summary: SyncRefundsSummary = { changed: [], unchanged: 0, refused: [], failed: [] };
  for (const refundId of refundIds) {
    try {
      const result = await syncRefund(deps, actor, refundId);
      if (result.failure) summary.failed.push({ refundId, reason: result.failure });
      else if (result.status === result.from) summary.unchanged += 1;
      else
        summary.changed.push({
          refundId,
          from: refundStatusLabels[result.from],
          to: refundStatusLabels[result.status],
        });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      summary.refused.push({ refundId, reason: error.userMessage });
    }
  }
  return summary;
}

/** True when no refund could be checked at all: the form shows it as a failure. */
export const syncFailedEntirely = (summary: SyncRefundsSummary): boolean =>
  summary.failed.length > 0 && summary.changed.length === 0 && summary.unchanged === 0 && summary.refused.length === 0;

export function describeSyncSummary(summary: SyncRefundsSummary): string {
  const parts = [
    ...summary.changed.map((c) => `${c.from} → ${c.to}`),
    ...(summary.unchanged ? [`${summary.unchanged} unchanged`] : []),
    ...summary.refused.map((r) => r.reason),
  ];
  const reasons = [...new Set(summary.failed.map((f) => f.reason))].join("; ");
  const failed =
    summary.failed.length === 1 ? `The check failed: ${reasons}` : `${summary.failed.length} checks failed: ${reasons}`;
  if (syncFailedEntirely(summary)) return `${failed}. Nothing was changed; the reconciler will try again.`;
  if (!parts.length) return "Nothing to sync.";
  return `Synced with the provider: ${parts.join("; ")}.${summary.failed.length ? ` ${failed}; those will be tried again.` : ""}`;
}
