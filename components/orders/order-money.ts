import type { walletMovementKinds } from "@/drizzle/schema/orders";
import type { OrderStatus } from "@/lib/domain/orders/order-status";
import { moneyText } from "./money-text";

export interface OrderMoneyLine {
  label: string;
  text: string;
}

/** The money of one order as the page states it: one sentence for its state, then debited, given back and net. */
export interface OrderMoneyView {
  sentence: string;
  lines: [OrderMoneyLine, OrderMoneyLine, OrderMoneyLine];
}

type OrderMoneyFacts = {
  status: OrderStatus;
  chargeMinor: bigint;
  chargeCurrency: string;
  quantity: number;
  deliveredQuantity: number | null;
};

type MovementFacts = { kind: (typeof walletMovementKinds)[number]; amountMinor: bigint };

/**
 * What the order cost the wallet, from the order (its charge after any adjustment to the
 * provider's actual deduction) and its ledger rows: refunds (the provider took the money and gave
 * it back) and released debits (the provider never took it). Each state gets one true sentence;
 * a released debit is "held" and "released", never "charged".
 */
export function orderMoneyView(order: OrderMoneyFacts, movements: readonly MovementFacts[]): OrderMoneyView {
  const money = (minor: bigint) => moneyText(minor, order.chargeCurrency);
  const refunded = movements.filter((m) => m.kind === "order_refund").reduce((sum, m) => sum + m.amountMinor, 0n);
  const released = movements
    .filter((m) => m.kind === "order_debit_released")
    .reduce((sum, m) => sum + m.amountMinor, 0n);
  const givenBack = refunded + released;
  const net = order.chargeMinor - givenBack;
  const debit = money(order.chargeMinor);
  const outcomeOpen = order.status === "placing" || order.status === "unknown";
  const neverTaken = released > 0n && refunded === 0n;

  const lines: OrderMoneyView["lines"] = [
    { label: outcomeOpen || neverTaken ? "Held" : "Charged", text: debit },
    { label: neverTaken ? "Released" : "Refunded", text: money(givenBack) },
    { label: "Net charge", text: outcomeOpen && givenBack === 0n ? "Not known yet" : money(net) },
  ];
  return { sentence: sentenceFor(order, { debit, givenBack, net, neverTaken, outcomeOpen }, money), lines };
}

function sentenceFor(
  order: OrderMoneyFacts,
  facts: { debit: string; givenBack: bigint; net: bigint; neverTaken: boolean; outcomeOpen: boolean },
  money: (minor: bigint) => string,
): string {
  const { debit, givenBack, net, neverTaken, outcomeOpen } = facts;
  if (neverTaken && net === 0n)
    return `Nothing was charged: the ${debit} held for this order was released to the wallet.`;
  if (outcomeOpen) return `${debit} is held from the wallet until we know whether Octopus Cards took this order.`;
  if (order.status === "partially_delivered") {
    const what =
      order.deliveredQuantity === null
        ? "Partly delivered"
        : `${order.deliveredQuantity} of ${order.quantity} delivered`;
    return givenBack > 0n
      ? `${what}, ${money(givenBack)} refunded; net charge ${money(net)}.`
      : `${what}; the refund for the rest is not booked yet, so the net charge is ${money(net)} for now.`;
  }
  if (order.status === "failed" || order.status === "cancelled") {
    if (givenBack === 0n) return `${debit} was charged and has not been given back yet.`;
    if (net === 0n) return `Charged ${debit} and refunded in full; net charge ${money(0n)}.`;
    return `Charged ${debit}, ${money(givenBack)} given back; net charge ${money(net)}.`;
  }
  if (givenBack > 0n) return `Charged ${debit}, ${money(givenBack)} given back; net charge ${money(net)}.`;
  return order.status === "pending" ? `Charged ${debit}; delivery is pending.` : `Charged ${debit}.`;
}

/**
 * How many code rows a voucher order shows before any reveal: what the provider delivered when we
 * know it (a partial delivery has fewer than ordered), all of them once delivered in full, and
 * null when a partial delivery's count is not known yet (the reveal then shows every code).
 */
export function deliveredCodeCount(order: {
  status: OrderStatus;
  quantity: number;
  deliveredQuantity: number | null;
}): number | null {
  if (order.deliveredQuantity !== null) return order.deliveredQuantity;
  return order.status === "delivered" ? order.quantity : null;
}
