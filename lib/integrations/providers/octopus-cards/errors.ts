import { ProviderError, type ProviderOutcome } from "../errors";

/**
 * Every failure of an Octopus Cards call. `outcome` tells the caller whether the provider
 * certainly did nothing ("rejected": a 4xx answer) or might have acted ("unknown": timeout,
 * connection reset, 5xx, 429 or an unreadable 2xx): after "unknown", look the order up by
 * client_reference before retrying.
 */
export type OctopusCardsOutcome = ProviderOutcome;

export class OctopusCardsError extends ProviderError<string> {
  readonly isUserFixable: boolean | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    httpStatus: number | null;
    name: string;
    code: string;
    message: string;
    outcome: OctopusCardsOutcome;
    isUserFixable?: boolean;
    retryAfterSeconds?: number;
    requestId?: string;
    cause?: unknown;
  }) {
    super("octopus-cards", init);
    this.name = init.name;
    this.isUserFixable = init.isUserFixable;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.requestId = init.requestId;
  }
}

export function isOctopusCardsError(error: unknown): error is OctopusCardsError {
  return error instanceof OctopusCardsError;
}

/** [DOC] a duplicate (client, client_reference) is 400 BAD_REQUEST "Duplicate client_reference": look the order up instead. */
export function isDuplicateClientReference(error: unknown): error is OctopusCardsError {
  return (
    isOctopusCardsError(error) &&
    error.httpStatus === 400 &&
    error.code === "BAD_REQUEST" &&
    /duplicate client_reference/i.test(error.message)
  );
}

/** [OURS] providers.md §3.12 #1. */
export function isInsufficientBalance(error: unknown): error is OctopusCardsError {
  return isOctopusCardsError(error) && error.code === "INSUFFICIENT_BALANCE";
}

/** 5xx and 429 answers, timeouts and dropped connections: the request may or may not have been processed. */
export function outcomeForStatus(status: number): OctopusCardsOutcome {
  return status >= 500 || status === 429 ? "unknown" : "rejected";
}
