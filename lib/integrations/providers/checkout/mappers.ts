import type { z } from "zod";
import type {
  octopusPaymentAcceptedSchema,
  paymentActionSchema,
  paymentDetailsSchema,
  paymentSetupSchema,
  refundAcceptedSchema,
} from "./schemas";
import type {
  CheckoutPayment,
  CheckoutPaymentAction,
  CheckoutPaymentSetup,
  OctopusPaymentStarted,
  RefundAccepted,
} from "./types";

const dateOrNull = (value: string | undefined) => (value ? new Date(value) : null);

export function toOctopusPaymentStarted(body: z.infer<typeof octopusPaymentAcceptedSchema>): OctopusPaymentStarted {
  return {
    paymentId: body.id,
    status: body.status,
    reference: body.reference ?? null,
    processedOn: dateOrNull(body.processed_on),
    landingUrl: body.processing.landing_url,
    octopusUri: body.processing.octopus_uri,
    token: body.processing.token,
    paymentUrl: body._links.self.href,
  };
}

export function toCheckoutPayment(body: z.infer<typeof paymentDetailsSchema>): CheckoutPayment {
  const balances = body.balances;
  return {
    id: body.id,
    status: body.status,
    approved: body.approved,
    amountMinor: BigInt(body.amount),
    currency: body.currency,
    reference: body.reference ?? null,
    requestedOn: new Date(body.requested_on),
    balances: balances
      ? {
          totalAuthorized: BigInt(balances.total_authorized),
          totalCaptured: BigInt(balances.total_captured),
          totalRefunded: BigInt(balances.total_refunded),
          availableToRefund: BigInt(balances.available_to_refund),
        }
      : null,
    canRefund: body._links.refund !== undefined,
  };
}

export function toPaymentAction(body: z.infer<typeof paymentActionSchema>): CheckoutPaymentAction {
  return {
    id: body.id,
    type: body.type,
    amountMinor: BigInt(body.amount),
    approved: body.approved ?? null,
    responseCode: body.response_code,
    responseSummary: body.response_summary ?? null,
    reference: body.reference ?? null,
    processedOn: new Date(body.processed_on),
  };
}

export function toRefundAccepted(body: z.infer<typeof refundAcceptedSchema>): RefundAccepted {
  return { actionId: body.action_id, reference: body.reference ?? null, paymentUrl: body._links.payment.href };
}

export function toPaymentSetup(body: z.infer<typeof paymentSetupSchema>): CheckoutPaymentSetup {
  const octopus = body.payment_methods.octopus;
  return {
    id: body.id,
    amountMinor: body.amount === undefined ? null : BigInt(body.amount),
    currency: body.currency ?? null,
    reference: body.reference ?? null,
    octopusReady: octopus?.status === "ready",
    octopusFlags: octopus?.flags ?? [],
    successUrl: body.settings?.success_url ?? null,
    failureUrl: body.settings?.failure_url ?? null,
    latestPaymentId: body.latest_payment?.id ?? null,
  };
}
