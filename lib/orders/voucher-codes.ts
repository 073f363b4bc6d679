import { eq } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { isOctopusCardsError } from "@/lib/providers/octopus-cards/errors";
import type { OrderDeps } from "./place-order";

export interface RevealedVoucherCode {
  cardNumber: string | null;
  pinCode: string | null;
  claimUrl: string | null;
  expiresAt: string | null;
}

/**
 * A voucher order's codes, fetched from the provider (we never store them). Every reveal is
 * audited (who, which order, how many codes) before the codes are returned; the codes
 * themselves never reach the audit log.
 */
export async function revealVoucherCodes(deps: Pick<OrderDeps, "db" | "client">, actor: AuditActor, orderId: string): Promise<RevealedVoucherCode[]> {
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order || order.vertical !== "voucher") throw new AppError("NOT_FOUND", "No voucher order has this id.");
  if (order.providerOrderId === null) throw new AppError("CONFLICT", "This order has no provider order yet, so it has no codes.");
  let providerOrder;
  try {
    providerOrder = await deps.client.getVoucherOrder(order.providerOrderId);
  } catch (error) {
    if (isOctopusCardsError(error)) throw new AppError("PROVIDER_ERROR", "Octopus Cards did not return the codes; try again.", { cause: error });
    throw error;
  }
  const codes = providerOrder.vouchers.map((v) => ({ cardNumber: v.cardNumber, pinCode: v.pinCode, claimUrl: v.claimUrl, expiresAt: v.expiresAt?.toISOString() ?? null }));
  if (codes.length === 0) throw new AppError("CONFLICT", "The provider has not delivered codes for this order yet.");
  await recordAudit(deps.db, actor, { action: "order.voucher_code_revealed", targetType: "order", targetId: order.id, after: { providerOrderId: order.providerOrderId, codeCount: codes.length } });
  return codes;
}
