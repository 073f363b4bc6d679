/**
 * Whether the provider did the thing: "rejected" = it certainly did not (it refused the request);
 * "unknown" = it may have (timeout, dropped connection, 5xx, 429, a duplicate still in progress,
 * or an answer we could not understand). Money-moving callers must reconcile "unknown".
 */
export type ProviderOutcome = "rejected" | "unknown";

/**
 * The root of every provider client's errors. Each provider's error keeps its own `code` (Checkout's
 * error class, OCTO's error number, Octopus Cards' error code); what callers may rely on for any
 * provider is who failed, whether the provider may have acted, and the HTTP status when there was one.
 */
export class ProviderError<Code extends string | number | null = string | number | null> extends Error {
  override name = "ProviderError";
  readonly provider: string;
  readonly code: Code;
  readonly outcome: ProviderOutcome;
  /** null when no HTTP answer arrived (timeout, reset), the request never left, or the provider does not say. */
  readonly httpStatus: number | null;

  constructor(
    provider: string,
    init: { code: Code; message: string; outcome: ProviderOutcome; httpStatus?: number | null; cause?: unknown },
  ) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.provider = provider;
    this.code = init.code;
    this.outcome = init.outcome;
    this.httpStatus = init.httpStatus ?? null;
  }

  /** What the timeline keeps about the failure: no message (it is shown apart), nothing secret. */
  details(): Record<string, unknown> {
    return { provider: this.provider, code: this.code, httpStatus: this.httpStatus };
  }
}
