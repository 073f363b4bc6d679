import { recordAudit } from "@/lib/domain/audit/record-audit";
import { errorResponse } from "@/lib/platform/http/route-errors";
import { auditableTotals } from "@/lib/domain/orders/list/auditable-totals";
import { csvAttachmentHeaders, openOrdersDownload } from "@/lib/domain/orders/list/export-request";
import { ordersTotalsCsv } from "@/lib/domain/orders/list/orders-csv";
import { orderControlTotals } from "@/lib/domain/orders/list/totals";

export const dynamic = "force-dynamic";

/**
 * GET /api/orders/export/totals?<the list's filters>: the control totals of the orders CSV for
 * the same filters, as a small CSV of its own (per wallet currency: count, charged, refunded,
 * net). Refused (422) on an invalid filter, audited, and behind a fresh second factor like the
 * export it belongs to.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const opened = await openOrdersDownload(request);
    if (!opened.ok) return opened.refused;
    const { db, actor, filters, params } = opened;
    const asOf = new Date();
    const totals = await orderControlTotals(db, filters);
    await recordAudit(db, actor, {
      action: "orders.totals_exported",
      targetType: "orders",
      after: { filters: params, totals: auditableTotals(totals) },
    });
    return new Response(ordersTotalsCsv(totals, asOf), {
      headers: csvAttachmentHeaders(`orders-${asOf.toISOString().slice(0, 10)}-totals.csv`),
    });
  } catch (error) {
    return errorResponse(error, "GET /api/orders/export/totals");
  }
}
