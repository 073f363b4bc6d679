import { requirePermission } from "@/lib/domain/auth/current-user";
import { getDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { errorResponse } from "@/lib/platform/http/route-errors";
import { getPaymentStatusSummary, parsePaymentId } from "@/lib/domain/payments/payment-detail";

export const dynamic = "force-dynamic";

/** A payment's live status, polled by its detail page while it is not final. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requirePermission("payments:read");
    const id = parsePaymentId((await params).id);
    const summary = id ? await getPaymentStatusSummary(getDb(), id) : null;
    if (!summary) throw new AppError("NOT_FOUND", "No payment has this id.");
    return Response.json(summary, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "GET /api/payments/[id]");
  }
}
