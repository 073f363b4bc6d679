import { jsonResponse } from "../core/http";
import type { SandboxProvider } from "../core/types";

/** The Octopus Cards simulator (placeholder until its endpoints land). */
export const octopusCardsSandbox: SandboxProvider = {
  name: "octopus-cards",
  handle: async () => jsonResponse(501, { error: "the Octopus Cards sandbox is not implemented yet" }),
  events: {},
  webhookRetryDelaysMs: [],
};
