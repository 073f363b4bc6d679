import { jsonResponse } from "../core/http";
import type { SandboxProvider } from "../core/types";

/** The OCTO simulator (placeholder until its endpoints land). */
export const octoSandbox: SandboxProvider = {
  name: "octo",
  handle: async () => jsonResponse(501, { error: "the OCTO sandbox is not implemented yet" }),
  events: {},
  webhookRetryDelaysMs: [],
};
