import { createRouter } from "../core/router";
import type { SandboxProvider, SandboxRequest } from "../core/types";
import { ckoEmpty } from "./context";
import { decideOnLandingPage, showLandingPage } from "./handlers/landing";
import { getPayment, getPaymentActions, requestPayment } from "./handlers/payments";
import { refundPayment } from "./handlers/refunds";
import { confirmPaymentSetup, createPaymentSetup, getPaymentSetup, updatePaymentSetup } from "./handlers/setups";
import { applyCustomerDecision } from "./payment-lifecycle";
import { decideRefund, expireUncollectedRefund } from "./refund-lifecycle";
import { channelsOfRequestKey } from "./keys";
import { checkoutWebhookRetryDelaysMs } from "./webhook-events";

/** The customer-facing Octopus page: no API key, like the real one. */
const publicRoutes = createRouter([
  ["GET", "/octopus/landing/:token", showLandingPage],
  ["POST", "/octopus/landing/:token/:decision", decideOnLandingPage],
]);

const apiRoutes = createRouter([
  ["POST", "/payments", requestPayment],
  ["POST", "/payments/setups", createPaymentSetup],
  ["GET", "/payments/setups/:id", getPaymentSetup],
  ["PUT", "/payments/setups/:id", updatePaymentSetup],
  ["POST", "/payments/setups/:id/confirm/:method", confirmPaymentSetup],
  ["GET", "/payments/:id", getPayment],
  ["GET", "/payments/:id/actions", getPaymentActions],
  ["POST", "/payments/:id/refunds", refundPayment],
]);

async function handle(request: SandboxRequest): Promise<Response> {
  const page = publicRoutes(request.method, request.path);
  if (page) return page.handler(request, page.params);
  if (!channelsOfRequestKey(request)) return ckoEmpty(request, 401);
  const route = apiRoutes(request.method, request.path);
  return route ? route.handler(request, route.params) : ckoEmpty(request, 404);
}

/** The Checkout.com (Octopus, Hong Kong) simulator: see README "Sandbox" and providers.md §1. */
export const checkoutSandbox: SandboxProvider = {
  name: "checkout",
  handle,
  events: {
    "payment.expire": async (tx, payload, ctx) => {
      await applyCustomerDecision(tx, String(payload.paymentId), "expire", ctx);
    },
    "refund.decide": decideRefund,
    "refund.expire_uncollected": expireUncollectedRefund,
  },
  webhookRetryDelaysMs: checkoutWebhookRetryDelaysMs,
};
