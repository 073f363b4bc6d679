import { describe, expect, it } from "vitest";
import { fromCheckoutRefundAction, fromCheckoutRefundEvent } from "./checkout/refund-mapper";
import { fromOctoRefundStatus } from "./octo/refund-mapper";

describe("provider refund facts in our lifecycle", () => {
  it("maps Checkout.com refund webhooks, with Octopus's response codes", () => {
    expect(fromCheckoutRefundEvent("payment_refund_pending", null)).toBe("pending");
    expect(fromCheckoutRefundEvent("payment_refunded", "10000")).toBe("approved");
    expect(fromCheckoutRefundEvent("payment_refund_declined", "20001")).toBe("declined");
    expect(fromCheckoutRefundEvent("payment_refund_declined", "20016")).toBe("not_collected");
    expect(fromCheckoutRefundEvent("payment_refund_declined", "20019")).toBe("expired");
    expect(fromCheckoutRefundEvent("payment_refund_declined", "20061")).toBe("declined");
    expect(fromCheckoutRefundEvent("payment_captured", null)).toBeNull();
  });

  it("maps decided Refund actions", () => {
    expect(fromCheckoutRefundAction({ approved: true, responseCode: "10000" })).toBe("approved");
    expect(fromCheckoutRefundAction({ approved: false, responseCode: "20016" })).toBe("not_collected");
    expect(fromCheckoutRefundAction({ approved: null, responseCode: "" })).toBe("pending");
  });

  it("maps OCTO refund statuses, keeping anything it does not know as unknown", () => {
    expect(fromOctoRefundStatus("succeeded")).toBe("approved");
    expect(fromOctoRefundStatus("pending")).toBe("pending");
    expect(fromOctoRefundStatus("failed")).toBe("declined");
    expect(fromOctoRefundStatus("unknown")).toBe("unknown");
    expect(fromOctoRefundStatus("something_new")).toBe("unknown");
  });
});
