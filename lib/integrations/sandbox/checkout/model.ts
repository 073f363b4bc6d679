/**
 * The simulator's stored state. A payment document holds everything about one payment
 * (its authorization/capture actions and its refunds), so every change is one row lock.
 */
export const paymentsDoc = { provider: "checkout", kind: "payment" } as const;
export const setupsDoc = { provider: "checkout", kind: "payment_setup" } as const;
export const idempotencyDoc = { provider: "checkout", kind: "idempotency" } as const;

export type PaymentLifecycle = "pending" | "captured" | "declined" | "canceled" | "expired";

export type CheckoutPaymentStatus =
  "Pending" | "Captured" | "Partially Refunded" | "Refunded" | "Declined" | "Canceled" | "Expired";

export interface SimAction {
  id: string;
  type: "Authorization" | "Capture";
  processedOn: string;
  amount: number;
  approved: boolean;
  responseCode: string;
  responseSummary: string;
  reference?: string;
}

export type RefundState = "pending" | "approved" | "declined";

export interface SimRefund {
  actionId: string;
  amount: number;
  reference?: string;
  metadata?: Record<string, unknown>;
  requestedOn: string;
  state: RefundState;
  /** Set once decided (and changed again when an uncollected refund expires). */
  processedOn?: string;
  responseCode?: string;
  responseSummary?: string;
}

export interface SimPayment {
  id: string;
  token: string;
  /** The base URL the merchant called, for links built later by scheduled events. */
  baseUrl: string;
  amount: number;
  currency: string;
  paymentType: "Regular";
  reference?: string;
  description?: string;
  metadata?: Record<string, unknown>;
  customer?: { id: string; email?: string; name?: string };
  processingChannelId: string;
  successUrl: string;
  failureUrl: string;
  lifecycle: PaymentLifecycle;
  requestedOn: string;
  processedOn: string;
  expiresOn: string;
  setupId?: string;
  actions: SimAction[];
  refunds: SimRefund[];
}

export interface Balances {
  total_authorized: number;
  total_voided: number;
  available_to_void: number;
  total_captured: number;
  available_to_capture: number;
  total_refunded: number;
  available_to_refund: number;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Approved refunds count as refunded; pending ones reserve the balance; declined/expired ones release it. */
export function balancesOf(payment: SimPayment): Balances {
  const captured = payment.lifecycle === "captured" ? payment.amount : 0;
  const refunded = sum(payment.refunds.filter((r) => r.state === "approved").map((r) => r.amount));
  const reserved = sum(payment.refunds.filter((r) => r.state === "pending").map((r) => r.amount));
  return {
    total_authorized: captured,
    total_voided: 0,
    available_to_void: 0,
    total_captured: captured,
    available_to_capture: 0,
    total_refunded: refunded,
    available_to_refund: captured - refunded - reserved,
  };
}

export function statusOf(payment: SimPayment): CheckoutPaymentStatus {
  switch (payment.lifecycle) {
    case "pending":
      return "Pending";
    case "declined":
      return "Declined";
    case "canceled":
      return "Canceled";
    case "expired":
      return "Expired";
    case "captured": {
      const refunded = balancesOf(payment).total_refunded;
      if (refunded === 0) return "Captured";
      return refunded >= payment.amount ? "Refunded" : "Partially Refunded";
    }
  }
}

export const paymentUrl = (payment: Pick<SimPayment, "baseUrl" | "id">) => `${payment.baseUrl}/payments/${payment.id}`;
export const landingUrl = (payment: Pick<SimPayment, "baseUrl" | "token">) =>
  `${payment.baseUrl}/octopus/landing/${payment.token}`;
export const octopusUri = (token: string) => `octopus://payment?token=${token}`;
