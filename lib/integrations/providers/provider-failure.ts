import { ProviderError } from "./errors";

/** What became of a provider call, in words a finance user and the timeline can show. */
export interface ProviderFailure {
  /** rejected: the provider certainly did nothing. unknown: it may have (timeout, 5xx, garbled answer). */
  outcome: "rejected" | "unknown";
  message: string;
  detail: Record<string, unknown>;
}

export function describeProviderFailure(error: unknown): ProviderFailure {
  if (error instanceof ProviderError)
    return { outcome: error.outcome, message: error.message, detail: error.details() };
  // Anything else happened on our side after the request may have left: never assume it did not.
  return { outcome: "unknown", message: error instanceof Error ? error.message : String(error), detail: {} };
}
