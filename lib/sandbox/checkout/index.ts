import { jsonResponse } from "../core/http";
import type { SandboxProvider } from "../core/types";

/** The Checkout.com simulator (placeholder until its endpoints land). */
export const checkoutSandbox: SandboxProvider = {
  name: "checkout",
  handle: async () => jsonResponse(501, { error: "the Checkout.com sandbox is not implemented yet" }),
  events: {},
  webhookRetryDelaysMs: [],
};
