import type { SandboxProvider, SandboxRequest } from "../core/types";
import { webhookRetryDelaysMs } from "./constants";
import { octopusCardsEvents } from "./events";
import { errorResponse, internalErrorResponse, newRequestId, notFound, SimulatorError } from "./responses";
import { matchRoute } from "./routes";
import { ensureSeeded } from "./seed";

async function route(request: SandboxRequest): Promise<Response> {
  try {
    await ensureSeeded(request.db, request.now);
    const match = matchRoute(request.method, request.path);
    if (!match) throw notFound(`Route ${request.method} ${request.path} not found`);
    return await match.handler(request, match.params);
  } catch (error) {
    if (error instanceof SimulatorError) return errorResponse(error);
    console.error("[sandbox octopus-cards]", error);
    return internalErrorResponse();
  }
}

/**
 * The Octopus Cards API simulator (providers.md §3): auth, vouchers, topups, eSIM, wallets,
 * transactions, reference data and signed webhooks, all state in the sandbox document store.
 */
export const octopusCardsSandbox: SandboxProvider = {
  name: "octopus-cards",
  async handle(request) {
    const response = await route(request);
    response.headers.set("X-Request-Id", request.headers.get("x-request-id") ?? newRequestId());
    return response;
  },
  events: octopusCardsEvents,
  webhookRetryDelaysMs,
};
