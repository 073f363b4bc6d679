import { eq } from "drizzle-orm";
import { orderEvents, orders } from "@/drizzle/schema/orders";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { uniqueViolationOf } from "@/lib/platform/db/errors";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { log } from "@/lib/platform/log/logger";
import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import { isDuplicateClientReference, isOctopusCardsError } from "@/lib/integrations/providers/octopus-cards/errors";
import type { Money } from "@/lib/integrations/providers/octopus-cards/types";
import { recordWalletMovement } from "@/lib/domain/wallet/record-movement";
import { clientVerticalOf, type OrderVertical } from "./order-status";
import { sentOnProviderClockKey } from "./reconcile/sent-on-provider-clock";
import type { ProviderOrder } from "./provider-order";
import { providerOrderRecheckMs, recordProviderOrder } from "./record-provider-order";

export { recordProviderOrder } from "./record-provider-order";
import { transitionOrder, type OrderRow } from "./transition-order";

export interface OrderDeps {
  db: Database;
  client: OctopusCardsClient;
  now: () => Date;
  /** "Now" on the provider's clock (the sandbox clock in sandbox mode); real time when absent. */
  providerNow?: () => Promise<Date>;
}

export interface PlaceOrderInput {
  vertical: OrderVertical;
  /** Minted with the quote, stored before the call, sent as client_reference. */
  clientReference: string;
  productId: number;
  productName: string;
  variantId?: number;
  quantity: number;
  /** Face value per item in the product's currency (voucher denomination, topup amount, eSIM price). */
  faceValue: Money;
  walletId: number;
  /** The quote's total payable, in the wallet's currency: debited in our ledger before the call. */
  quotedCharge: Money;
  inputData?: Record<string, string>;
  email?: string;
  retryOf?: string;
}

export type PlaceOrderOutcome = { kind: "placed" | "replay"; order: OrderRow };

/** [OURS] When to look at an order whose outcome is unknown, and at a pending one. */
export const firstOrderCheckDelayMs = { unknown: 15_000, pending: providerOrderRecheckMs } as const;

async function orderByReference(db: Database, clientReference: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.clientReference, clientReference));
  return row;
}

function createAtProvider(client: OctopusCardsClient, input: PlaceOrderInput): Promise<ProviderOrder> {
  const common = { clientReference: input.clientReference, walletId: input.walletId };
  switch (input.vertical) {
    case "voucher":
      return client.createVoucherOrder({
        ...common,
        productId: input.productId,
        denomination: input.faceValue,
        quantity: input.quantity,
        ...(input.email && { email: input.email }),
      });
    case "topup":
      return client.createTopupOrder({
        ...common,
        productId: input.productId,
        amount: input.faceValue,
        inputData: input.inputData ?? {},
      });
    case "esim":
      return client.createEsimOrder({ ...common, productId: input.productId, amount: input.faceValue });
  }
}

/**
 * Phase A: the order row with its client_reference, and our wallet debit of the quoted charge,
 * commit together before the provider is called. The debit is refused when our balance cannot
 * cover it (with the shortfall), so concurrent orders can never overdraw the wallet in our ledger.
 */
async function openOrder(deps: OrderDeps, actor: AuditActor, input: PlaceOrderInput): Promise<OrderRow> {
  const now = deps.now();
  const sentOnProviderClock = deps.providerNow ? await deps.providerNow() : null;
  return deps.db.transaction(async (tx) => {
    const [order] = await tx
      .insert(orders)
      .values({
        vertical: input.vertical,
        status: "placing",
        clientReference: input.clientReference,
        productId: input.productId,
        productName: input.productName,
        variantId: input.variantId ?? null,
        quantity: input.quantity,
        faceValueMinor: input.faceValue.minor,
        faceValueCurrency: input.faceValue.currency,
        walletId: input.walletId,
        chargeMinor: input.quotedCharge.minor,
        chargeCurrency: input.quotedCharge.currency,
        details: {
          ...(input.inputData && { inputData: input.inputData }),
          ...(input.email && { email: input.email }),
          ...(sentOnProviderClock && { [sentOnProviderClockKey]: sentOnProviderClock.toISOString() }),
        },
        retryOf: input.retryOf ?? null,
        placedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        statusChangedAt: now,
      })
      .returning();
    if (!order) throw new Error("order insert returned no row");
    const debit = await recordWalletMovement(tx, {
      walletId: input.walletId,
      kind: "order_debit",
      amountMinor: -input.quotedCharge.minor,
      orderId: order.id,
      actorUserId: actor.userId,
      at: now,
    });
    if (debit.currency !== input.quotedCharge.currency)
      throw new AppError(
        "VALIDATION_FAILED",
        `The quote is in ${input.quotedCharge.currency}, the wallet in ${debit.currency}; ask for a new quote.`,
      );
    await tx.insert(orderEvents).values([
      {
        orderId: order.id,
        at: now,
        source: "merchant",
        kind: "placed",
        actorUserId: actor.userId,
        toStatus: "placing",
        detail: { clientReference: input.clientReference },
      },
      {
        orderId: order.id,
        at: now,
        source: "system",
        kind: "wallet_debited",
        detail: {
          amountMinor: input.quotedCharge.minor.toString(),
          currency: input.quotedCharge.currency,
          balanceAfterMinor: debit.balanceAfterMinor.toString(),
        },
      },
    ]);
    await recordAudit(tx, actor, {
      action: "order.placed",
      targetType: "order",
      targetId: order.id,
      after: {
        vertical: input.vertical,
        productId: input.productId,
        chargeMinor: input.quotedCharge.minor.toString(),
        currency: input.quotedCharge.currency,
      },
    });
    return order;
  });
}

/**
 * Place a voucher, topup or eSIM order exactly once. A duplicate client_reference at the
 * provider means our earlier attempt got through: the order is looked up, not reported as an
 * error. A refusal releases our debit and keeps the provider's reason (and whether the user can
 * fix it); no answer leaves the order unknown with the money debited, for the reconciler.
 */
export async function placeOrder(
  deps: OrderDeps,
  actor: AuditActor,
  input: PlaceOrderInput,
): Promise<PlaceOrderOutcome> {
  const existing = await orderByReference(deps.db, input.clientReference);
  if (existing) return { kind: "replay", order: existing };
  let order: OrderRow;
  try {
    order = await openOrder(deps, actor, input);
  } catch (error) {
    if (uniqueViolationOf(error) !== "orders_client_reference_unique") throw error;
    const raced = await orderByReference(deps.db, input.clientReference);
    if (!raced) throw error;
    return { kind: "replay", order: raced };
  }

  try {
    const created = await createAtProvider(deps.client, input);
    await recordProviderOrder(deps, order, created, { source: "api_call", kind: "provider_answer" });
  } catch (error) {
    if (isDuplicateClientReference(error)) {
      const found = await deps.client.findOrderByClientReference(
        clientVerticalOf[input.vertical],
        input.clientReference,
      );
      if (found)
        await recordProviderOrder(deps, order, found, { source: "api_call", kind: "found_by_client_reference" });
    } else {
      const now = deps.now();
      const refused = isOctopusCardsError(error) && error.outcome === "rejected";
      const detail = isOctopusCardsError(error)
        ? { code: error.code, httpStatus: error.httpStatus, message: error.message }
        : { message: String(error) };
      if (!refused)
        log.warn({ orderId: order.id, clientReference: order.clientReference, err: error }, "order outcome unknown");
      await deps.db.transaction((tx) =>
        refused
          ? transitionOrder(
              tx,
              order.id,
              "failed",
              {
                failureCode: isOctopusCardsError(error) ? error.code : "REQUEST_REFUSED",
                failureReason: error instanceof Error ? error.message : String(error),
                isUserFixable: isOctopusCardsError(error) ? (error.isUserFixable ?? null) : null,
              },
              { source: "api_call", kind: "provider_refused", at: now, detail },
              { refused: true },
            )
          : transitionOrder(
              tx,
              order.id,
              "unknown",
              { nextCheckAt: new Date(now.getTime() + firstOrderCheckDelayMs.unknown) },
              { source: "api_call", kind: "outcome_unknown", at: now, detail },
            ),
      );
    }
  }
  const placed = await orderByReference(deps.db, input.clientReference);
  if (!placed) throw new Error(`order ${order.id} vanished`);
  return { kind: "placed", order: placed };
}
