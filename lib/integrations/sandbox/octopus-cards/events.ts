import { z } from "zod";
import type { DbOrTx } from "@/lib/platform/db/types";
import type { ScheduledEventHandler } from "../core/types";
import { settleEsimOrder } from "./esim-orders";
import { getStoredOrder, saveStoredOrder, type Ctx, type StoredOrder, type Vertical } from "./orders";
import { settleTopupOrder } from "./topup-orders";
import { settleVoucherOrder } from "./voucher-orders";

const settlePayload = z.object({
  vertical: z.enum(["voucher", "topup", "esim"]),
  orderId: z.number().int().positive(),
});

type Settler<W> = (tx: DbOrTx, stored: StoredOrder<W>, ctx: Ctx) => Promise<StoredOrder<W>>;

async function settle<W extends { status: string }>(
  tx: DbOrTx,
  vertical: Vertical,
  orderId: number,
  ctx: Ctx,
  settler: Settler<W>,
): Promise<void> {
  const stored = await getStoredOrder<W>(tx, vertical, orderId, true);
  if (!stored || stored.order.status !== "PENDING") return;
  await saveStoredOrder(tx, vertical, orderId, await settler(tx, stored, ctx), ctx.now);
}

/** A PENDING order's time is up: settle it by its trigger (a no-op once it has left PENDING). */
const settleOrder: ScheduledEventHandler = async (tx, payload, ctx) => {
  const { vertical, orderId } = settlePayload.parse(payload);
  if (vertical === "voucher") return settle(tx, vertical, orderId, ctx, settleVoucherOrder);
  if (vertical === "topup") return settle(tx, vertical, orderId, ctx, settleTopupOrder);
  return settle(tx, vertical, orderId, ctx, settleEsimOrder);
};

export const octopusCardsEvents: Record<string, ScheduledEventHandler> = { "order.settle": settleOrder };
