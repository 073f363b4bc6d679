import { eq } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import { requirePermission } from "@/lib/domain/auth/current-user";
import { AppError } from "@/lib/platform/errors";
import { errorResponse } from "@/lib/platform/http/route-errors";
import { appOrderDeps } from "@/lib/domain/orders/app-order-deps";
import { orderStatusSummary, parseOrderId } from "@/lib/domain/orders/order-detail";
import { checkOrderIfDue } from "@/lib/domain/orders/order-status-check";
import { log } from "@/lib/platform/log/logger";

export const dynamic = "force-dynamic";

/**
 * An order's live status, polled by its detail page while it is not final. When the order's
 * next_check_at is due (pending or unknown, within its first ~11 minutes), the provider is asked
 * first and any change recorded; a failing check never fails the read.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requirePermission("orders:read");
    const id = parseOrderId((await params).id);
    if (!id) throw new AppError("NOT_FOUND", "No order has this id.");
    const deps = appOrderDeps();
    await checkOrderIfDue(deps, id).catch((error: unknown) =>
      log.error({ err: error, orderId: id }, "order status check failed"),
    );
    const [order] = await deps.db.select().from(orders).where(eq(orders.id, id));
    if (!order) throw new AppError("NOT_FOUND", "No order has this id.");
    return Response.json(orderStatusSummary(order), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "GET /api/orders/[id]");
  }
}
