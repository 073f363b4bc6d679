import { eq } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { AppError } from "@/lib/platform/errors";
import { formatMinor } from "@/lib/platform/money/convert";
import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import { isOctopusCardsError } from "@/lib/integrations/providers/octopus-cards/errors";
import type { Money, Quote } from "@/lib/integrations/providers/octopus-cards/types";
import { ensureWalletsInLedger } from "@/lib/domain/wallet/ensure-wallets";
import { alpha2Of } from "./countries";
import { inputFieldsSchema } from "./input-fields";
import { phoneCountryOrFallback } from "./phone/normalise-phone";
import type { OrderVertical } from "./order-status";
import { placeOrder, type OrderDeps, type PlaceOrderInput, type PlaceOrderOutcome } from "./place-order";

/** What a quote is asked for: the product, the face value and the wallet that pays. */
export interface OrderSelection {
  vertical: OrderVertical;
  productId: number;
  variantId?: number;
  quantity: number;
  faceValue: Money;
  walletId: number;
}

/** The provider's price for a selection, in the wallet's currency (totalPayable). */
export async function quoteOrder(client: OctopusCardsClient, selection: OrderSelection): Promise<Quote> {
  try {
    switch (selection.vertical) {
      case "voucher":
        return await client.quoteVoucher(selection.productId, {
          denomination: selection.faceValue,
          quantity: selection.quantity,
          walletId: selection.walletId,
        });
      case "topup": {
        const category = selection.variantId ? (await client.getTopupVariant(selection.variantId)).category : undefined;
        return await client.quoteTopup({
          productId: selection.productId,
          amount: selection.faceValue,
          walletId: selection.walletId,
          ...(category && { category }),
        });
      }
      case "esim":
        return await client.quoteEsim({
          productId: selection.productId,
          amount: selection.faceValue,
          walletId: selection.walletId,
        });
    }
  } catch (error) {
    if (isOctopusCardsError(error) && error.outcome === "rejected")
      throw new AppError("PROVIDER_REFUSED", `Octopus Cards would not quote this order: ${error.message}`, {
        cause: error,
      });
    if (isOctopusCardsError(error))
      throw new AppError("PROVIDER_ERROR", "Octopus Cards did not answer the quote; nothing was ordered. Try again.", {
        cause: error,
      });
    throw error;
  }
}

export interface ConfirmOrderInput extends Omit<PlaceOrderInput, "quotedCharge"> {
  /** The total payable the user saw and confirmed; only compared, never charged. */
  confirmedCharge: Money;
}

/**
 * Place what the user confirmed, at the server's price: the order is quoted again here and
 * placed with that quote's total payable; a different total is refused so the user confirms the
 * new one. A client_reference already used is a replay (a double click or retry), not a new
 * order. Topup input fields are checked against the product's definitions, and the wallet is
 * brought into our ledger the first time it is used.
 */
export async function confirmOrder(
  deps: OrderDeps,
  actor: AuditActor,
  input: ConfirmOrderInput,
): Promise<PlaceOrderOutcome> {
  const [existing] = await deps.db.select().from(orders).where(eq(orders.clientReference, input.clientReference));
  if (existing) return { kind: "replay", order: existing };

  if (input.vertical === "topup") {
    const product = await deps.client.getTopupProduct(input.productId);
    const parsed = inputFieldsSchema(
      product.inputFields ?? [],
      phoneCountryOrFallback(alpha2Of(product.countryCode)),
    ).safeParse(input.inputData ?? {});
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues)
        (fieldErrors[`input.${String(issue.path[0] ?? "")}`] ??= []).push(issue.message);
      throw new AppError("VALIDATION_FAILED", "Check the recipient details.", { fieldErrors });
    }
    input = { ...input, inputData: parsed.data };
  }

  await ensureWalletsInLedger(deps.db, deps.client, deps.now());
  const quote = await quoteOrder(deps.client, input);
  const server = quote.totalPayable;
  if (server.currency !== input.confirmedCharge.currency || server.minor !== input.confirmedCharge.minor) {
    throw new AppError(
      "CONFLICT",
      `The price changed; confirm the new quote (now ${formatMinor(server.minor, server.currency)}, you confirmed ${formatMinor(input.confirmedCharge.minor, input.confirmedCharge.currency)}).`,
    );
  }
  const { confirmedCharge, ...rest } = input;
  void confirmedCharge;
  return placeOrder(deps, actor, { ...rest, quotedCharge: server });
}
