import { describe, expect, it } from "vitest";
import { orderStatuses } from "@/drizzle/schema/orders";
import { placedOrderMessage } from "./placed-order-message";

const order = (
  status: (typeof orderStatuses)[number],
  extra: { failureReason?: string; isUserFixable?: boolean } = {},
) => ({ status, failureReason: extra.failureReason ?? null, isUserFixable: extra.isUserFixable ?? null });

describe("placedOrderMessage", () => {
  it("never says placed for an order whose outcome is unknown", () => {
    const message = placedOrderMessage("placed", order("unknown"));
    expect(message).not.toMatch(/^Order placed/);
    expect(message).toContain("Do not order it again");
  });
  it("says a refusal with the provider's reason, whether it can be fixed, and that the debit was released", () => {
    expect(
      placedOrderMessage(
        "placed",
        order("failed", { failureReason: "The recipient number is invalid.", isUserFixable: true }),
      ),
    ).toBe(
      "Octopus Cards refused this order: The recipient number is invalid. The amount reserved for it was released to the wallet. You can fix this and retry from the order page.",
    );
  });
  it("has one distinct sentence per outcome", () => {
    const messages = orderStatuses.map((s) => placedOrderMessage("placed", order(s)));
    expect(new Set(messages.filter((_, i) => orderStatuses[i] !== "placing")).size).toBe(orderStatuses.length - 1);
    expect(placedOrderMessage("placed", order("delivered"))).toBe("Order placed and delivered.");
    expect(placedOrderMessage("replay", order("delivered"))).toMatch(/already confirmed/);
  });
});
