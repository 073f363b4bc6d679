import { describe, expect, it } from "vitest";
import { paymentStatuses } from "@/drizzle/schema/payments";
import { octoPaymentStatuses } from "@/lib/integrations/providers/octo/types";
import { fromCheckoutEvent, fromCheckoutStatus, fromOctoStatus, paymentTransition } from "./payment-status";

describe("payment status transitions", () => {
  it("only moves forward", () => {
    expect(paymentTransition("pending", "captured")).toBe("advance");
    expect(paymentTransition("requested", "pending")).toBe("advance");
    expect(paymentTransition("authorized", "captured")).toBe("advance");
    expect(paymentTransition("captured", "pending")).toBe("backwards");
    expect(paymentTransition("authorized", "pending")).toBe("backwards");
    expect(paymentTransition("pending", "pending")).toBe("same");
  });

  it("never turns one final status into another", () => {
    const finals = ["captured", "declined", "canceled", "expired", "failed"] as const;
    for (const from of finals)
      for (const to of finals) if (from !== to) expect(paymentTransition(from, to)).toBe("backwards");
  });

  it("has a rank for every status in the database enum", () => {
    for (const status of paymentStatuses) expect(paymentTransition(status, status)).toBe("same");
  });

  it("maps Checkout.com statuses and events onto the model", () => {
    expect(fromCheckoutStatus("Partially Refunded")).toBe("captured");
    expect(fromCheckoutStatus("Expired")).toBe("expired");
    expect(fromCheckoutStatus("Card Verified")).toBeNull();
    expect(fromCheckoutEvent("payment_capture_pending")).toBe("authorized");
    expect(fromCheckoutEvent("payment_refunded")).toBeNull();
  });

  it("maps every OCTO payment status onto the model", () => {
    for (const status of octoPaymentStatuses) expect(fromOctoStatus(status)).not.toBeNull();
    expect(fromOctoStatus("wait_user_action")).toBe("pending");
    expect(fromOctoStatus("waiting_for_capture")).toBe("authorized");
    expect(fromOctoStatus("succeeded")).toBe("captured");
    expect(fromOctoStatus("cancelled")).toBe("canceled");
    expect(fromOctoStatus("failed")).toBe("declined");
    expect(fromOctoStatus("something_new")).toBeNull();
  });
});
