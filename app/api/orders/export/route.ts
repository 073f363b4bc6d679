import { auditActorFor, requirePermission } from "@/lib/auth/current-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireFreshSecondFactor } from "@/lib/auth/step-up-checks";
import { getDb } from "@/lib/db/client";
import { errorResponse, validationResponse } from "@/lib/http/route-errors";
import { ordersCsv } from "@/lib/orders/list/orders-csv";
import { parseOrderListParams } from "@/lib/orders/list/params";
import { csvStream } from "@/lib/payments/export/payments-csv";

export const dynamic = "force-dynamic";

/**
 * GET /api/orders/export?<the list's filters>: the matching orders as a streamed CSV. An invalid
 * filter is refused (422) rather than ignored; the export is audited when it starts and when it
 * completes (row count and totals). Like every export it needs a fresh second factor.
 */
export async function GET(request: Request) {
  try {
    const user = await requirePermission("orders:read");
    const searchParams = new URL(request.url).searchParams;
    searchParams.delete("cursor");
    const parsed = parseOrderListParams(searchParams);
    if (parsed.error) return validationResponse(parsed.error);
    const db = getDb();
    await requireFreshSecondFactor(db, user);
    const actor = await auditActorFor(user);
    await recordAudit(db, actor, { action: "orders.exported", targetType: "orders", after: { filters: parsed.params } });
    const stream = csvStream(ordersCsv(db, parsed.filters), async (summary) => {
      const totals = Object.fromEntries(Object.entries(summary.totals).map(([currency, t]) => [currency, { rowCount: t.rowCount, amountMinor: t.amountMinor.toString() }]));
      await recordAudit(db, actor, { action: "orders.export_completed", targetType: "orders", after: { filters: parsed.params, rowCount: summary.rowCount, totals } });
    });
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="orders-${new Date().toISOString().slice(0, 10)}.csv"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, "GET /api/orders/export");
  }
}
