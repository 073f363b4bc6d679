import { auditActorFor, requirePermission } from "@/lib/domain/auth/current-user";
import { requireFreshSecondFactor } from "@/lib/domain/auth/step-up-checks";
import { AppError } from "@/lib/platform/errors";
import { errorResponse } from "@/lib/platform/http/route-errors";
import { appOrderDeps } from "@/lib/domain/orders/app-order-deps";
import { assertMayRevealSecretsOfOrder } from "@/lib/domain/orders/code-access";
import { parseOrderId } from "@/lib/domain/orders/order-detail";
import { exportVoucherCodes } from "@/lib/domain/orders/voucher-codes";

export const dynamic = "force-dynamic";

/**
 * GET /api/orders/<id>/codes: every code of a voucher order as CSV, for the person who placed it
 * or an admin (enforced in exportVoucherCodes, refusals audited). Needs a fresh second factor like
 * a reveal; audited with the count; the codes are asked from the provider, never stored or logged,
 * and the response is never cached.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("orders:create");
    const id = parseOrderId((await params).id);
    if (!id) throw new AppError("NOT_FOUND", "No voucher order has this id.");
    const deps = appOrderDeps();
    const actor = await auditActorFor(user);
    await assertMayRevealSecretsOfOrder(deps.db, actor, id, "voucher codes");
    await requireFreshSecondFactor(deps.db, user);
    const { csv } = await exportVoucherCodes(deps, actor, id);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="order-${id}-codes.csv"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, "GET /api/orders/[id]/codes");
  }
}
