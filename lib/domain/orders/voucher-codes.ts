import { eq } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { AppError } from "@/lib/platform/errors";
import { csvRow } from "@/lib/platform/csv/csv";
import { isOctopusCardsError } from "@/lib/integrations/providers/octopus-cards/errors";
import type { VoucherCode, VoucherProduct } from "@/lib/integrations/providers/octopus-cards/types";
import { assertMayRevealOrderSecrets } from "./code-access";
import type { OrderDeps } from "./place-order";
import { redemptionSteps } from "./voucher-redemption";

export interface RevealedVoucherCode {
  /** 1-based position in the provider's list, the row it fills on the order page. */
  number: number;
  cardNumber: string | null;
  pinCode: string | null;
  claimUrl: string | null;
  expiresAt: string | null;
  referenceNumber: string | null;
}

export interface RevealedVoucherCodes {
  codes: RevealedVoucherCode[];
  /** How to redeem them, from the provider's product data (empty when it gave none). */
  redemption: string[];
}

type Deps = Pick<OrderDeps, "db" | "client">;

/** The order, checked to be a voucher order the actor may see the codes of, with its provider order id. */
async function voucherOrderFor(deps: Deps, actor: AuditActor, orderId: string) {
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order || order.vertical !== "voucher") throw new AppError("NOT_FOUND", "No voucher order has this id.");
  await assertMayRevealOrderSecrets(deps.db, actor, order, "voucher codes");
  if (order.providerOrderId === null)
    throw new AppError("CONFLICT", "This order has no provider order yet, so it has no codes.");
  return { ...order, providerOrderId: order.providerOrderId };
}

const numbered = (v: VoucherCode, index: number): RevealedVoucherCode => ({
  number: index + 1,
  cardNumber: v.cardNumber,
  pinCode: v.pinCode,
  claimUrl: v.claimUrl,
  expiresAt: v.expiresAt?.toISOString() ?? null,
  referenceNumber: v.referenceNumber,
});

/** The codes, asked from the provider each time (we never store them). */
async function codesFromProvider(deps: Deps, providerOrderId: number): Promise<RevealedVoucherCode[]> {
  let vouchers: VoucherCode[];
  try {
    vouchers = (await deps.client.getVoucherOrder(providerOrderId)).vouchers;
  } catch (error) {
    if (isOctopusCardsError(error))
      throw new AppError("PROVIDER_ERROR", "Octopus Cards did not return the codes just now; try again in a minute.", {
        cause: error,
      });
    throw error;
  }
  if (vouchers.length === 0) throw new AppError("CONFLICT", "The provider has not delivered codes for this order yet.");
  return vouchers.map(numbered);
}

/** The product's own data for the redemption steps; a product the provider cannot show only costs the steps. */
async function productOrNull(deps: Deps, productId: number): Promise<VoucherProduct | null> {
  try {
    return await deps.client.getVoucherProduct(productId);
  } catch (error) {
    if (isOctopusCardsError(error)) return null;
    throw error;
  }
}

/**
 * A voucher order's codes (all, or the one numbered `codeNumber`), fetched from the provider.
 * Only the person who placed the order or an admin may see them (a refusal is audited); every
 * reveal is audited (who, which order, which code numbers) before the codes are returned. The
 * codes themselves never reach the audit log or our database.
 */
export async function revealVoucherCodes(
  deps: Deps,
  actor: AuditActor,
  orderId: string,
  codeNumber?: number,
): Promise<RevealedVoucherCodes> {
  const order = await voucherOrderFor(deps, actor, orderId);
  const [all, product] = await Promise.all([
    codesFromProvider(deps, order.providerOrderId),
    productOrNull(deps, order.productId),
  ]);
  const codes = codeNumber === undefined ? all : all.filter((c) => c.number === codeNumber);
  if (codes.length === 0)
    throw new AppError(
      "NOT_FOUND",
      `This order has ${all.length} code${all.length === 1 ? "" : "s"}; there is no code ${codeNumber}.`,
    );
  await recordAudit(deps.db, actor, {
    action: "order.voucher_code_revealed",
    targetType: "order",
    targetId: order.id,
    after: { providerOrderId: order.providerOrderId, codeCount: codes.length, codeNumbers: codes.map((c) => c.number) },
  });
  return { codes, redemption: redemptionSteps(product, all) };
}

export const voucherCodeCsvColumns = [
  "number",
  "card_number",
  "pin_code",
  "claim_url",
  "expires_at",
  "reference_number",
] as const;

/**
 * Every code of a voucher order as CSV, for the merchant to hand on. Same rule and audit as a
 * reveal ("order.voucher_codes_exported", the count, never a code); built in memory and returned,
 * never written anywhere.
 */
export async function exportVoucherCodes(
  deps: Deps,
  actor: AuditActor,
  orderId: string,
): Promise<{ csv: string; codeCount: number }> {
  const order = await voucherOrderFor(deps, actor, orderId);
  const codes = await codesFromProvider(deps, order.providerOrderId);
  await recordAudit(deps.db, actor, {
    action: "order.voucher_codes_exported",
    targetType: "order",
    targetId: order.id,
    after: { providerOrderId: order.providerOrderId, codeCount: codes.length },
  });
  const rows = codes.map((c) =>
    csvRow([c.number, c.cardNumber, c.pinCode, c.claimUrl, c.expiresAt, c.referenceNumber]),
  );
  return { csv: csvRow(voucherCodeCsvColumns) + rows.join(""), codeCount: codes.length };
}
