import { octoDecimal } from "./wire/amounts";
import type { OctoCurrency } from "./wire/currencies";

/** Simulated OCTO state in sandbox.documents. Amounts are bigint minor units kept as strings. */
export const octoPaymentDocs = { provider: "octo", kind: "payment" } as const;
export const octoRefundDocs = { provider: "octo", kind: "refund" } as const;

export type SimulatedPaymentStatus = "created" | "waiting_for_capture" | "succeeded" | "canceled";
export type SimulatedRefundStatus = "succeeded" | "pending" | "failed";

export interface SimulatedCard {
  cardCountry: string;
  maskedPan: string;
  rrn: string;
  cardType: string;
  cardVendor: string;
  isPhysicalCard: boolean;
}

/** Document id = octo_payment_UUID; lookupKey = shop_transaction_id (OCTO's only payment key). */
export interface SimulatedPayment {
  uuid: string;
  shopTransactionId: string;
  status: SimulatedPaymentStatus;
  autoCapture: boolean;
  test: boolean;
  currency: OctoCurrency;
  /** total_sum: the ordered amount, then the captured amount after a partial set_accept. */
  totalMinor: string;
  /** What a two-stage approval held on the card; null until then. */
  heldMinor: string | null;
  /** Succeeded plus pending refunds. */
  refundedMinor: string;
  description: string;
  payUrl: string;
  returnUrl: string | null;
  notifyUrl: string | null;
  language: string | null;
  ttlMinutes: number | null;
  initTime: string;
  userData: Record<string, string> | null;
  basket: unknown[] | null;
  payedTime: string | null;
  card: SimulatedCard | null;
}

/** Document id = refund_id; lookupKey = shop_refund_id (dedup); groupKey = octo_payment_UUID. */
export interface SimulatedRefund {
  refundId: string;
  shopRefundId: string;
  paymentUuid: string;
  amountMinor: string;
  status: SimulatedRefundStatus;
  refundTime: string;
}

/** transfer_sum: [OURS] the sandbox charges no commission, so the whole total once the money moved. */
export function transferMinor(payment: SimulatedPayment): string {
  return payment.status === "succeeded" ? payment.totalMinor : "0";
}

/** The `data` of prepare_payment (creation and the status check alike). */
export function paymentData(payment: SimulatedPayment) {
  return {
    shop_transaction_id: payment.shopTransactionId,
    octo_payment_UUID: payment.uuid,
    status: payment.status,
    octo_pay_url: payment.payUrl,
    refunded_sum: octoDecimal(payment.refundedMinor, payment.currency),
    total_sum: octoDecimal(payment.totalMinor, payment.currency),
  };
}
