import { auditActorFor, requirePermission } from "@/lib/domain/auth/current-user";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import { requireFreshSecondFactor } from "@/lib/domain/auth/step-up-checks";
import { getDb } from "@/lib/platform/db/client";
import { errorResponse, validationResponse } from "@/lib/platform/http/route-errors";
import { csvStream } from "@/lib/platform/csv/csv-stream";
import { paymentsCsv } from "@/lib/domain/payments/export/payments-csv";
import { parsePaymentListParams } from "@/lib/domain/payments/list/params";
import { formatDateInZone } from "@/lib/platform/time-zone/wall-time";

export const dynamic = "force-dynamic";

/**
 * GET /api/payments/export?<the list's filters>: the matching payments as a streamed CSV.
 * Unlike the page, an invalid filter is refused (422) rather than ignored: a file that quietly
 * holds more than was asked for is worse than no file. The export is audited before the first
 * byte leaves (who, which filters) and again when it completes (row count and totals per status and currency). A bulk
 * export needs a fresh second factor (403 STEP_UP_REQUIRED otherwise; the button asks first).
 */
export async function GET(request: Request) {
  try {
    const user = await requirePermission("payments:read");
    const searchParams = new URL(request.url).searchParams;
    searchParams.delete("cursor");
    const parsed = parsePaymentListParams(searchParams);
    if (parsed.error) return validationResponse(parsed.error);
    const { filters, params } = parsed;

    const db = getDb();
    await requireFreshSecondFactor(db, user);
    const actor = await auditActorFor(user);
    const audited = { filters: params, timeZone: filters.timeZone, sort: filters.sort };
    await recordAudit(db, actor, { action: "payments.exported", targetType: "payments", after: audited });

    const stream = csvStream(paymentsCsv(db, filters), async (summary) => {
      const totals = summary.totals.map((t) => ({
        status: t.status,
        currency: t.currency,
        rowCount: t.rowCount,
        capturedMinor: t.capturedMinor.toString(),
        refundedMinor: t.refundedMinor.toString(),
        netMinor: t.netMinor.toString(),
      }));
      await recordAudit(db, actor, {
        action: "payments.export_completed",
        targetType: "payments",
        after: { ...audited, rowCount: summary.rowCount, totals },
      });
    });
    const filename = `payments-${formatDateInZone(new Date(), filters.timeZone)}.csv`;
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, "GET /api/payments/export");
  }
}
