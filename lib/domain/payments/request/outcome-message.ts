import { AppError } from "@/lib/platform/errors";
import type { PaymentRequestOutcome } from "./request-payment";

export interface RequestedPayment {
  paymentId: string;
  outcome: "accepted" | "replay" | "unknown";
}

/** What the form shows for each outcome; a refusal is an error the user can act on. */
export function presentRequestOutcome(outcome: PaymentRequestOutcome): { data: RequestedPayment; message: string } {
  switch (outcome.kind) {
    case "accepted":
      return {
        data: { paymentId: outcome.paymentId, outcome: "accepted" },
        message: "Payment requested. Show the customer the QR code or link.",
      };
    case "replay":
      return {
        data: { paymentId: outcome.paymentId, outcome: "replay" },
        message: "This form was already sent; showing that payment.",
      };
    case "unknown":
      return {
        data: { paymentId: outcome.paymentId, outcome: "unknown" },
        message:
          "The provider did not answer in time. The request is kept open under the same key: resume it from the payment page.",
      };
    case "rejected":
      throw new AppError(
        "PROVIDER_REFUSED",
        `The provider refused the request: ${outcome.message}. It is recorded as a failed payment; nothing was charged.`,
      );
  }
}
