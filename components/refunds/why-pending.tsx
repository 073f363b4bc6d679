import { ZonedTime } from "@/components/ui/zoned-time";
import type { MonitorRow } from "@/lib/domain/refunds/monitor";
import { refundEventSourceLabels, type RefundEventSource } from "@/lib/domain/refunds/payment-refunds";
import { isFinalRefundStatus, refundStatusLabels } from "@/lib/domain/refunds/refund-status";

/** Why a refund is not final yet: our status beside the provider's, its last event and its checks. */
export function WhyPending({ row, timeZone }: { row: MonitorRow; timeZone: string }) {
  if (isFinalRefundStatus(row.status)) return null;
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="why-pending">
      Ours: {refundStatusLabels[row.status]} · provider: {row.providerStatus ?? "no answer yet"}
      {row.providerResponseCode ? ` (code ${row.providerResponseCode})` : ""} · last event:{" "}
      {row.lastEvent ? (
        <>
          {row.lastEvent.kind.replaceAll("_", " ")} (
          {refundEventSourceLabels[row.lastEvent.source as RefundEventSource] ?? row.lastEvent.source},{" "}
          <ZonedTime value={row.lastEvent.at} timeZone={timeZone} />)
        </>
      ) : (
        "none"
      )}{" "}
      · last check: {row.lastCheckedAt ? <ZonedTime value={row.lastCheckedAt} timeZone={timeZone} /> : "never"} · next
      check: {row.nextCheckAt ? <ZonedTime value={row.nextCheckAt} timeZone={timeZone} /> : "not scheduled"}
    </p>
  );
}
