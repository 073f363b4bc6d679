import { requirePermission } from "@/lib/domain/auth/current-user";
import { getDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { errorResponse } from "@/lib/platform/http/route-errors";
import { getPaymentStatusSummary, parsePaymentId } from "@/lib/domain/payments/payment-detail";
import { appProviderNow } from "@/lib/domain/refunds/app-refund-deps";
import { loadPaymentRefunds } from "@/lib/domain/refunds/payment-refunds";

export const dynamic = "force-dynamic";

/** A payment's refunds with their timelines, polled by the payment page while any is not settled. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requirePermission("refunds:read");
    const id = parsePaymentId((await params).id);
    const db = getDb();
    if (!id || !(await getPaymentStatusSummary(db, id))) throw new AppError("NOT_FOUND", "No payment has this id.");
    return Response.json(await loadPaymentRefunds(db, id, await appProviderNow()), {
      headers: { "cache-control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error, "GET /api/payments/[id]/refunds");
  }
}
