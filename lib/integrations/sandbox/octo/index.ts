import { jsonResponse } from "../core/http";
import { createRouter } from "../core/router";
import type { SandboxProvider } from "../core/types";
import { octoEvents } from "./events";
import { octoCallbackRetryDelaysMs } from "./notify";
import { approveOnPayPage, declineOnPayPage, showPayPage } from "./pay-page";
import { preparePayment } from "./prepare-payment";
import { refund } from "./refund";
import { setAccept } from "./set-accept";

const route = createRouter([
  ["POST", "/prepare_payment", preparePayment],
  ["POST", "/set_accept", setAccept],
  ["POST", "/refund", refund],
  ["GET", "/pay/:uuid", showPayPage],
  ["POST", "/pay/:uuid/approve", approveOnPayPage],
  ["POST", "/pay/:uuid/decline", declineOnPayPage],
]);

/**
 * The OCTO simulator (providers.md §2): every API method is a POST with auth in the JSON body
 * and an HTTP 200 envelope; the pay page stands in for OCTO's hosted checkout.
 */
export const octoSandbox: SandboxProvider = {
  name: "octo",
  handle: async (request) => {
    const matched = route(request.method, request.path);
    if (!matched)
      return jsonResponse(404, { error: 404, errMessage: `No OCTO method ${request.method} ${request.path}` });
    return matched.handler(request, matched.params);
  },
  events: octoEvents,
  webhookRetryDelaysMs: octoCallbackRetryDelaysMs,
};
