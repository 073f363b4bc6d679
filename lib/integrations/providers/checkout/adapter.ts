import { eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { fromCheckoutStatus } from "./payment-mapper";
import { checkoutWebhookResponse } from "./webhook/respond";
import type { PaymentProvider } from "../payment-provider";
import { readCheckoutPayment, requestAtCheckout } from "./adapter-payments";
import { readCheckoutRefund, refundAtCheckout } from "./adapter-refunds";
import { checkoutProfile } from "./profile";

/** Octopus payments and refunds through Checkout.com (providers.md §1). */
export const checkoutAdapter: PaymentProvider<"checkout"> = {
  ...checkoutProfile,
  referenceIdentifiesPayment: false,
  requestPayment: requestAtCheckout,
  findPayment: (readers, lookup) => readCheckoutPayment(readers, lookup.id),
  readPayment: (readers, payment) => readCheckoutPayment(readers, payment.providerPaymentId),
  ledgerPaymentsNamed: (id) => eq(payments.providerPaymentId, id),
  paymentStatusOf: fromCheckoutStatus,
  refund: refundAtCheckout,
  readRefund: readCheckoutRefund,
  webhook: {
    respond: (request, { db, secret, now }) => checkoutWebhookResponse(request, db, secret, now),
  },
};
