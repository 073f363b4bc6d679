import type { OctoCurrency } from "./amounts";

/** Our side of OCTO: camelCase, amounts as bigint minor units with their currency. */

export const octoPaymentStatuses = [
  "created",
  "wait_user_action",
  "waiting_for_capture",
  "succeeded",
  "canceled",
  "cancelled",
  "failed",
] as const;

export interface OctoBasketItem {
  positionDesc: string;
  count: number;
  priceMinor: bigint;
  spic?: string;
}

export interface PrepareOctoPaymentInput {
  shopTransactionId: string;
  /** true = one-stage; false = two-stage (hold, then setAccept). Always sent explicitly. */
  autoCapture: boolean;
  test?: boolean;
  totalMinor: bigint;
  currency: OctoCurrency;
  description: string;
  /** Defaults to the current time. */
  initTime?: Date;
  userData?: { userId?: string; phone?: string; email?: string };
  basket?: OctoBasketItem[];
  paymentMethods?: Array<"bank_card" | "uzcard" | "humo">;
  returnUrl?: string;
  notifyUrl?: string;
  language?: "oz" | "uz" | "en" | "ru";
  ttlMinutes?: number;
}

export interface OctoPayment {
  shopTransactionId: string;
  octoPaymentUuid: string;
  /** One of octoPaymentStatuses, or whatever new value OCTO sends. */
  status: string;
  payUrl: string | null;
  currency: OctoCurrency;
  /** Null when OCTO's answer omits it (the documented status check may carry only three fields). */
  totalMinor: bigint | null;
  refundedMinor: bigint | null;
}

export interface OctoAcceptResult extends OctoPayment {
  transferMinor: bigint | null;
  payedTime: string | null;
}

export interface SetOctoAcceptInput {
  octoPaymentUuid: string;
  acceptStatus: "capture" | "cancel";
  /** Capture less than held: the rest is released. Omit to capture the whole hold. */
  finalAmountMinor?: bigint;
  currency: OctoCurrency;
}

export interface RefundOctoPaymentInput {
  /** Unique per refund; a repeat returns the original refund with its current status. */
  shopRefundId: string;
  octoPaymentUuid: string;
  amountMinor: bigint;
  currency: OctoCurrency;
}

export interface OctoRefund {
  octoPaymentUuid: string;
  refundId: string;
  /** "yyyy-MM-dd HH:mm:ss", Tashkent time. */
  refundTime: string | null;
  /** succeeded | pending | failed (older docs also list new, canceled, unknown, error). */
  status: string;
}
