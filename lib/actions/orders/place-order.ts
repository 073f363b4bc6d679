"use server";

import { revalidatePath } from "next/cache";
import { isSandbox } from "@/lib/env";
import { appOrderDeps } from "@/lib/orders/app-order-deps";
import { effectiveClientReference, placeOrderInput } from "@/lib/orders/place-order-input";
import { confirmOrder } from "@/lib/orders/quote-order";
import { defineAction } from "../define-action";

export const placeOrderAction = defineAction({
  name: "placeOrder",
  permission: "orders:create",
  input: placeOrderInput,
  async run(input, { actor }) {
    const { sandboxOutcome, ...rest } = input;
    const clientReference = effectiveClientReference({ clientReference: input.clientReference, sandboxOutcome }, isSandbox);
    const outcome = await confirmOrder(appOrderDeps(), actor, { ...rest, clientReference });
    revalidatePath("/orders");
    return {
      data: { orderId: outcome.order.id },
      message: outcome.kind === "replay" ? "This order was already placed; showing it." : "Order placed.",
    };
  },
});
