"use server";

import { redirect } from "next/navigation";
import { isSandbox } from "@/lib/platform/env";
import { appOrderDeps } from "@/lib/domain/orders/app-order-deps";
import { effectiveClientReference, placeOrderInput } from "@/lib/domain/orders/place-order-input";
import { confirmOrder } from "@/lib/domain/orders/quote-order";
import { orderForQuoteReference } from "@/lib/domain/orders/quote-reference";
import { defineAction } from "../define-action";

export const placeOrderAction = defineAction({
  name: "placeOrder",
  permission: "orders:create",
  input: placeOrderInput,
  async run(input, { actor, db }) {
    // The quote's reference is one order whatever sandbox outcome prefix a second submit picks.
    const already = await orderForQuoteReference(db, input.clientReference);
    if (already) redirect(`/orders/${already.id}`);
    const { sandboxOutcome, ...rest } = input;
    const clientReference = effectiveClientReference(
      { clientReference: input.clientReference, sandboxOutcome },
      isSandbox,
    );
    const outcome = await confirmOrder(appOrderDeps(), actor, { ...rest, clientReference });
    // The order's page says what happened to it. A redirect, not a result: the answer to this
    // action re-renders the quote page, which now finds the order and shows it as confirmed.
    redirect(`/orders/${outcome.order.id}`);
  },
});
