import { fromOctoStatus } from "./payment-mapper";
import { octoNotifyResponse } from "./webhook/respond";
import type { PaymentProvider } from "../payment-provider";
import { findOctoPayment, octoPaymentsNamed, requestAtOcto, rereadOctoPayment } from "./adapter-payments";
import { readOctoRefund, refundAtOcto } from "./adapter-refunds";
import { octoProfile } from "./profile";

/** OCTO (Uzbekistan) payments and refunds (providers.md §2). */
export const octoAdapter: PaymentProvider<"octo"> = {
  ...octoProfile,
  referenceIdentifiesPayment: true,
  requestPayment: requestAtOcto,
  findPayment: findOctoPayment,
  readPayment: rereadOctoPayment,
  ledgerPaymentsNamed: octoPaymentsNamed,
  paymentStatusOf: fromOctoStatus,
  refund: refundAtOcto,
  readRefund: (deps, refund, _payment, providerPaymentId) => readOctoRefund(deps, refund, providerPaymentId),
  webhook: {
    respond: (request, { db, secret, refunds, now }) =>
      octoNotifyResponse(request, db, { client: refunds.clients.octo, refunds }, secret, now),
  },
};
