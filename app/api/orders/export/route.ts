import { recordAudit } from "@/lib/domain/audit/record-audit";
import { errorResponse } from "@/lib/platform/http/route-errors";
import { auditableTotals } from "@/lib/domain/orders/list/auditable-totals";
import { csvAttachmentHeaders, openOrdersDownload } from "@/lib/domain/orders/list/export-request";
import { ordersCsv } from "@/lib/domain/orders/list/orders-csv";
import { csvStream } from "@/lib/platform/csv/csv-stream";

export const dynamic = "force-dynamic";

/**
 * GET /api/orders/export?<the list's filters>: the matching orders as a streamed CSV, one clean
 * table (its control totals are /api/orders/export/totals). An invalid filter is refused (422)
 * rather than ignored; the export is audited when it starts and when it completes (row count and
 * totals). Like every export it needs a fresh second factor.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const opened = await openOrdersDownload(request);
    if (!opened.ok) return opened.refused;
    const { db, actor, filters, params } = opened;
    await recordAudit(db, actor, { action: "orders.exported", targetType: "orders", after: { filters: params } });
    const stream = csvStream(ordersCsv(db, filters), async (summary) => {
      await recordAudit(db, actor, {
        action: "orders.export_completed",
        targetType: "orders",
        after: { filters: params, rowCount: summary.rowCount, totals: auditableTotals(summary.totals) },
      });
    });
    return new Response(stream, {
      headers: csvAttachmentHeaders(`orders-${new Date().toISOString().slice(0, 10)}.csv`),
    });
  } catch (error) {
    return errorResponse(error, "GET /api/orders/export");
  }
}
