import { eq } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import type { DbOrTx } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";

/** What can be revealed of an order: its voucher codes (one, all, or the CSV export) or an eSIM's activation code. */
export type OrderSecret = "voucher codes" | "eSIM activation code";

/**
 * Who may see an order's codes: the person who placed it, and admins. Other merchant users,
 * finance and ops may not (they still see the order, its money and the eSIM's ICCID). An order
 * with no recorded placer (placed before placed_by existed, or by the system) is admin-only.
 */
export function mayRevealOrderSecrets(
  actor: Pick<AuditActor, "userId" | "role">,
  order: { placedBy: string | null },
): boolean {
  if (actor.role === "admin") return true;
  return actor.role === "merchant" && actor.userId !== null && order.placedBy === actor.userId;
}

/** Enforces mayRevealOrderSecrets inside the action or route: a refusal is audited, then thrown. */
export async function assertMayRevealOrderSecrets(
  db: DbOrTx,
  actor: AuditActor,
  order: { id: string; placedBy: string | null },
  secret: OrderSecret,
): Promise<void> {
  if (mayRevealOrderSecrets(actor, order)) return;
  await recordAudit(db, actor, {
    action: "order.secret_reveal_refused",
    targetType: "order",
    targetId: order.id,
    after: { secret },
  });
  throw new AppError("FORBIDDEN", `Only the person who placed this order or an admin can see its ${secret}.`);
}

/**
 * The same rule by order id, for actions and routes to run before they ask for a fresh second
 * factor: someone who may never see these codes is refused at once, not asked for a code first.
 * An unknown id passes here; the service then answers that no such order exists.
 */
export async function assertMayRevealSecretsOfOrder(
  db: DbOrTx,
  actor: AuditActor,
  orderId: string,
  secret: OrderSecret,
): Promise<void> {
  const [order] = await db
    .select({ id: orders.id, placedBy: orders.placedBy })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (order) await assertMayRevealOrderSecrets(db, actor, order, secret);
}
