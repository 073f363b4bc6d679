import type { AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { refundStatusLabels } from "../refund-status";
import type { RefundDeps } from "../send-refund";
import { syncRefund } from "./sync-refund";

export interface SyncRefundsSummary {
  changed: Array<{ refundId: string; from: string; to: string }>;
  unchanged: number;
  refused: Array<{ refundId: string; reason: string }>;
}

/** "Sync now" for one refund or a selection: each is checked on its own; one refusal does not stop the rest. */
export async function syncRefunds(deps: RefundDeps, actor: AuditActor, refundIds: readonly string[]): Promise<SyncRefundsSummary> {
  const summary: SyncRefundsSummary = { changed: [], unchanged: 0, refused: [] };
  for (const refundId of refundIds) {
    try {
      const result = await syncRefund(deps, actor, refundId);
      if (result.status === result.from) summary.unchanged += 1;
      else summary.changed.push({ refundId, from: refundStatusLabels[result.from], to: refundStatusLabels[result.status] });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      summary.refused.push({ refundId, reason: error.userMessage });
    }
  }
  return summary;
}

export function describeSyncSummary(summary: SyncRefundsSummary): string {
  const parts = [
    ...summary.changed.map((c) => `${c.from} → ${c.to}`),
    ...(summary.unchanged ? [`${summary.unchanged} unchanged`] : []),
    ...summary.refused.map((r) => r.reason),
  ];
  return parts.length ? `Synced with the provider: ${parts.join("; ")}.` : "Nothing to sync.";
}
