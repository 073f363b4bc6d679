/** Our domain view of Checkout.com objects: amounts are bigint minor units, times are Dates. */
export type CheckoutPaymentStatus =
  | "Pending"
  | "Authorized"
  | "Card Verified"
  | "Voided"
  | "Partially Captured"
  | "Captured"
  | "Partially Refunded"
  | "Refunded"
  | "Declined"
  | "Canceled"
  | "Expired"
  | "Paid";

export interface OctopusPaymentStarted {
  paymentId: string;
  status: CheckoutPaymentStatus;
  reference: string | null;
  processedOn: Date | null;
  /** Where to send a desktop customer (shows the QR code). */
  landingUrl: string;
  /** Deep link for the Octopus app on Android; iOS builds its own URL from `token`. */
  octopusUri: string;
  token: string;
  paymentUrl: string;
}

export interface CheckoutBalances {
  totalAuthorized: bigint;
  totalCaptured: bigint;
  totalRefunded: bigint;
  availableToRefund: bigint;
}

export interface CheckoutPayment {
  id: string;
  status: CheckoutPaymentStatus;
  approved: boolean;
  amountMinor: bigint;
  currency: string;
  reference: string | null;
  requestedOn: Date;
  balances: CheckoutBalances | null;
  canRefund: boolean;
}

export interface CheckoutPaymentAction {
  id: string;
  type: "Authorization" | "Card Verification" | "Void" | "Capture" | "Refund" | "Payout" | "Return";
  amountMinor: bigint;
  /** null when the provider has not said (it always does for a decided action). */
  approved: boolean | null;
  responseCode: string;
  responseSummary: string | null;
  reference: string | null;
  processedOn: Date;
}

export interface RefundAccepted {
  actionId: string;
  reference: string | null;
  paymentUrl: string;
}

export interface CheckoutPaymentSetup {
  id: string;
  amountMinor: bigint | null;
  currency: string | null;
  reference: string | null;
  octopusReady: boolean;
  octopusFlags: string[];
  successUrl: string | null;
  failureUrl: string | null;
  latestPaymentId: string | null;
}

export interface OctopusPaymentInput {
  amountMinor: bigint;
  currency: "HKD";
  reference: string;
  successUrl: string;
  failureUrl: string;
  description?: string;
  metadata?: Record<string, string | number | boolean | null>;
  customer?: { email?: string; name?: string };
}

export interface PaymentSetupInput {
  amountMinor?: bigint;
  currency?: string;
  reference?: string;
  description?: string;
  successUrl?: string;
  failureUrl?: string;
  customer?: { email?: string; name?: string };
}

export interface RefundInput {
  /** Omit to refund the whole remaining balance. */
  amountMinor?: bigint;
  reference?: string;
  metadata?: Record<string, string | number | boolean | null>;
}
