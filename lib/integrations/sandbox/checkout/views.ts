import { balancesOf, landingUrl, octopusUri, paymentUrl, statusOf, type SimPayment } from "./model";

/** The 202 body of POST /payments (and of a setup confirm): Pending, with the Octopus redirect data. */
export function acceptedPaymentBody(payment: SimPayment) {
  return {
    id: payment.id,
    status: "Pending" as const,
    ...(payment.reference !== undefined && { reference: payment.reference }),
    ...(payment.customer && { customer: { id: payment.customer.id } }),
    processed_on: payment.processedOn,
    processing: { landing_url: landingUrl(payment), octopus_uri: octopusUri(payment.token), token: payment.token },
    _links: { self: { href: paymentUrl(payment) } },
  };
}

/** GET /payments/{id}: PaymentDetails. */
export function paymentDetailsBody(payment: SimPayment) {
  const balances = balancesOf(payment);
  const self = paymentUrl(payment);
  return {
    id: payment.id,
    requested_on: payment.requestedOn,
    source: { type: "octopus" },
    amount: payment.amount,
    currency: payment.currency,
    payment_type: payment.paymentType,
    ...(payment.reference !== undefined && { reference: payment.reference }),
    ...(payment.description !== undefined && { description: payment.description }),
    approved: payment.lifecycle === "captured",
    status: statusOf(payment),
    balances,
    ...(payment.customer && { customer: payment.customer }),
    ...(payment.metadata && { metadata: payment.metadata }),
    processed_on: payment.processedOn,
    expires_on: payment.expiresOn,
    _links: {
      self: { href: self },
      actions: { href: `${self}/actions` },
      ...(balances.available_to_refund > 0 && { refund: { href: `${self}/refunds` } }),
    },
  };
}

/**
 * GET /payments/{id}/actions: latest first. [OURS] A refund appears once it is decided (the
 * PaymentAction schema requires a response_code), so a pending refund is not listed yet.
 */
export function paymentActionsBody(payment: SimPayment) {
  const actions = payment.actions.map((action) => ({
    id: action.id,
    type: action.type,
    processed_on: action.processedOn,
    amount: action.amount,
    approved: action.approved,
    response_code: action.responseCode,
    response_summary: action.responseSummary,
    ...(action.reference !== undefined && { reference: action.reference }),
  }));
  const refunds = payment.refunds
    .filter((refund) => refund.state !== "pending")
    .map((refund) => ({
      id: refund.actionId,
      type: "Refund" as const,
      processed_on: refund.processedOn as string,
      amount: refund.amount,
      approved: refund.state === "approved",
      response_code: refund.responseCode as string,
      response_summary: refund.responseSummary as string,
      ...(refund.reference !== undefined && { reference: refund.reference }),
      ...(refund.metadata && { metadata: refund.metadata }),
    }));
  return [...actions, ...refunds].sort((a, b) =>
    a.processed_on < b.processed_on ? 1 : a.processed_on > b.processed_on ? -1 : 0,
  );
}
