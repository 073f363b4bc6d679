import { describe, expect, it } from "vitest";
import { deliveredCodeCount, orderMoneyView } from "./order-money";

const order = { chargeCurrency: "USD", quantity: 4, deliveredQuantity: null, chargeMinor: 3_860n } as const;

describe("orderMoneyView", () => {
  it("a partial delivery: how many of how many, what was refunded and the net charge", () => {
    const view = orderMoneyView({ ...order, status: "partially_delivered", deliveredQuantity: 2 }, [
      { kind: "order_debit", amountMinor: -3_860n },
      { kind: "order_refund", amountMinor: 1_930n },
    ]);
    expect(view.sentence).toBe("2 of 4 delivered, $19.30 refunded; net charge $19.30.");
    expect(view.lines).toEqual([
      { label: "Charged", text: "$38.60" },
      { label: "Refunded", text: "$19.30" },
      { label: "Net charge", text: "$19.30" },
    ]);
  });

  it("a failure whose debit was released never reads as charged", () => {
    const view = orderMoneyView({ ...order, quantity: 1, chargeMinor: 965n, status: "failed" }, [
      { kind: "order_debit", amountMinor: -965n },
      { kind: "order_debit_released", amountMinor: 965n },
    ]);
    expect(view.sentence).toBe("Nothing was charged: the $9.65 held for this order was released to the wallet.");
    expect(view.lines.map((l) => l.label)).toEqual(["Held", "Released", "Net charge"]);
    expect(JSON.stringify(view)).not.toContain("Charged");
    expect(view.lines[2].text).toBe("$0.00");
  });

  it("a refunded failure, an open outcome and a delivery each get their own sentence", () => {
    expect(
      orderMoneyView({ ...order, status: "cancelled" }, [{ kind: "order_refund", amountMinor: 3_860n }]).sentence,
    ).toBe("Charged $38.60 and refunded in full; net charge $0.00.");
    const open = orderMoneyView({ ...order, status: "unknown" }, []);
    expect(open.sentence).toBe("$38.60 is held from the wallet until we know whether Octopus Cards took this order.");
    expect(open.lines[2].text).toBe("Not known yet");
    expect(orderMoneyView({ ...order, status: "delivered" }, []).sentence).toBe("Charged $38.60.");
    expect(orderMoneyView({ ...order, status: "failed" }, []).sentence).toBe(
      "$38.60 was charged and has not been given back yet.",
    );
  });
});

describe("deliveredCodeCount", () => {
  it("shows one row per delivered code: fewer than ordered after a partial delivery", () => {
    expect(deliveredCodeCount({ status: "partially_delivered", quantity: 4, deliveredQuantity: 2 })).toBe(2);
    expect(deliveredCodeCount({ status: "delivered", quantity: 4, deliveredQuantity: null })).toBe(4);
    expect(deliveredCodeCount({ status: "partially_delivered", quantity: 4, deliveredQuantity: null })).toBeNull();
  });
});
