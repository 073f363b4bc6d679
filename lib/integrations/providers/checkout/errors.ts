import { ProviderError, type ProviderOutcome } from "../errors";

export { ProviderError } from "../errors";

export type ProviderErrorCode =
  | "unauthorized"
  | "action_not_allowed"
  | "not_found"
  | "conflict"
  | "validation"
  | "rate_limited"
  | "server_error"
  | "timeout"
  | "network"
  | "invalid_response"
  | "invalid_request";

interface CheckoutErrorInit {
  code: ProviderErrorCode;
  message: string;
  httpStatus?: number | null;
  /** Checkout's own error codes (error_codes). */
  providerCodes?: string[];
  requestId?: string | null;
  outcome: ProviderOutcome;
  cause?: unknown;
}

export class CheckoutError extends ProviderError<ProviderErrorCode> {
  override name = "CheckoutError";
  /** Checkout's own error codes (error_codes). */
  readonly providerCodes: string[];
  readonly requestId: string | null;

  constructor(init: CheckoutErrorInit) {
    super("checkout", init);
    this.providerCodes = init.providerCodes ?? [];
    this.requestId = init.requestId ?? null;
  }

  override details(): Record<string, unknown> {
    return { ...super.details(), providerCodes: this.providerCodes, requestId: this.requestId };
  }
}

interface SdkErrorLike {
  name?: unknown;
  message?: unknown;
  http_code?: unknown;
  body?: unknown;
}

const statusCodes: Record<number, { code: ProviderErrorCode; outcome: ProviderOutcome }> = {
  401: { code: "unauthorized", outcome: "rejected" },
  403: { code: "action_not_allowed", outcome: "rejected" },
  404: { code: "not_found", outcome: "rejected" },
  // A duplicate of a request still being processed: the first one may well succeed.
  409: { code: "conflict", outcome: "unknown" },
  422: { code: "validation", outcome: "rejected" },
  429: { code: "rate_limited", outcome: "unknown" },
};

function bodyFields(body: unknown): { providerCodes: string[]; requestId: string | null; errorType: string | null } {
  if (!body || typeof body !== "object") return { providerCodes: [], requestId: null, errorType: null };
  const record = body as Record<string, unknown>;
  const codes = Array.isArray(record.error_codes)
    ? record.error_codes.filter((c): c is string => typeof c === "string")
    : [];
  return {
    providerCodes: codes,
    requestId: typeof record.request_id === "string" ? record.request_id : null,
    errorType: typeof record.error_type === "string" ? record.error_type : null,
  };
}

/** Maps whatever checkout-sdk-node threw (its error classes, fetch failures) to one CheckoutError. */
export function toCheckoutError(error: unknown, operation: string): CheckoutError {
  if (error instanceof CheckoutError) return error;
  const sdk = (error ?? {}) as SdkErrorLike;
  if (sdk.name === "ApiTimeout") {
    return new CheckoutError({
      code: "timeout",
      message: `${operation}: Checkout.com did not answer in time`,
      outcome: "unknown",
      cause: error,
    });
  }
  if (sdk.name === "ValueError") {
    return new CheckoutError({
      code: "invalid_request",
      message: `${operation}: ${String(sdk.message)}`,
      outcome: "rejected",
      cause: error,
    });
  }
  const status = typeof sdk.http_code === "number" && sdk.http_code > 0 ? sdk.http_code : null;
  if (status === null) {
    return new CheckoutError({
      code: "network",
      message: `${operation}: no answer from Checkout.com (${String(sdk.message)})`,
      outcome: "unknown",
      cause: error,
    });
  }
  const { providerCodes, requestId, errorType } = bodyFields(sdk.body);
  const known =
    statusCodes[status] ??
    (status >= 500
      ? { code: "server_error" as const, outcome: "unknown" as const }
      : { code: "validation" as const, outcome: "rejected" as const });
  const detail = providerCodes.length ? providerCodes.join(", ") : (errorType ?? `HTTP ${status}`);
  return new CheckoutError({
    code: known.code,
    message: `${operation}: ${detail}`,
    httpStatus: status,
    providerCodes,
    requestId,
    outcome: known.outcome,
    cause: error,
  });
}
