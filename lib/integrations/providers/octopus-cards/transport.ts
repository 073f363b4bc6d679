import type { z } from "zod";
import { assertNoOpenTransaction } from "@/lib/platform/db/no-network-in-transaction";
import { elapsedMsSince, logProviderCall } from "@/lib/platform/log/provider-call";
import { OctopusCardsError, outcomeForStatus } from "./errors";
import { errorEnvelopeSchema } from "./schemas";

export interface TransportOptions {
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

export interface CallSpec {
  method: "GET" | "POST" | "PATCH";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  accessToken?: string;
}

export interface RawResult {
  status: number;
  headers: Headers;
  json: unknown;
}

/** Pagination headers of list endpoints (providers.md §3.4). */
export interface PageInfo {
  page: number;
  perPage: number;
  totalCount: number;
  totalPages: number;
  pageSize: number;
  hasMore: boolean;
}

export function pageInfo(headers: Headers): PageInfo {
  const int = (name: string) => Number.parseInt(headers.get(name) ?? "0", 10) || 0;
  return {
    page: int("x-page"),
    perPage: int("x-per-page"),
    totalCount: int("x-total-count"),
    totalPages: int("x-total-pages"),
    pageSize: int("x-page-size"),
    hasMore: headers.get("x-has-more") === "true",
  };
}

function buildUrl(baseUrl: string, spec: CallSpec): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}${spec.path}`);
  for (const [key, value] of Object.entries(spec.query ?? {}))
    if (value !== undefined) url.searchParams.set(key, String(value));
  return url.toString();
}

function unknownOutcome(
  code: string,
  message: string,
  cause: unknown,
  httpStatus: number | null = null,
): OctopusCardsError {
  return new OctopusCardsError({ httpStatus, name: "NetworkError", code, message, outcome: "unknown", cause });
}

/** Maps a non-2xx answer: the documented envelope when present, else a generic error for the status. */
function errorFromResponse(status: number, headers: Headers, json: unknown): OctopusCardsError {
  const envelope = errorEnvelopeSchema.safeParse(json);
  const retryAfter = Number.parseInt(headers.get("retry-after") ?? "", 10);
  const fallbackName = status === 429 ? "TooManyRequestsError" : status >= 500 ? "InternalServerError" : "HttpError";
  return new OctopusCardsError({
    httpStatus: status,
    name: envelope.success ? envelope.data.error.name : fallbackName,
    code: envelope.success ? envelope.data.error.code : `HTTP_${status}`,
    message: envelope.success ? envelope.data.error.message : `Octopus Cards answered HTTP ${status}`,
    outcome: outcomeForStatus(status),
    retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
    requestId: headers.get("x-request-id") ?? undefined,
  });
}

/** One HTTP exchange; throws OctopusCardsError for anything but a 2xx with a JSON body. */
export async function call(options: TransportOptions, spec: CallSpec): Promise<RawResult> {
  assertNoOpenTransaction(`Octopus Cards ${spec.method} ${spec.path}`);
  const started = performance.now();
  // One line per call, as for the payment providers: where it went and how it ended (the query may carry a phone number, so it stays out).
  const logLine = (status: number | null, failed: boolean) =>
    logProviderCall({
      provider: "octopus-cards",
      method: spec.method,
      path: spec.path,
      status,
      failed,
      durationMs: elapsedMsSince(started),
    });
  const headers: Record<string, string> = { accept: "application/json" };
  if (spec.body !== undefined) headers["content-type"] = "application/json";
  if (spec.accessToken) headers.authorization = `Bearer ${spec.accessToken}`;
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(buildUrl(options.baseUrl, spec), {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (cause) {
    const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
    logLine(null, true);
    throw unknownOutcome(
      timedOut ? "TIMEOUT" : "NETWORK_ERROR",
      timedOut ? "Octopus Cards did not answer in time" : "The connection to Octopus Cards failed",
      cause,
    );
  }
  let json: unknown = undefined;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  const answered = response.status >= 200 && response.status < 300;
  logLine(response.status, !answered);
  if (!answered) throw errorFromResponse(response.status, response.headers, json);
  return { status: response.status, headers: response.headers, json };
}

/** [OURS] unwrap `{data}` when the body is an object with a `data` key and no `id` (providers.md §3.4). */
export function unwrap(json: unknown): unknown {
  if (json && typeof json === "object" && !Array.isArray(json) && "data" in json && !("id" in json)) {
    return (json as { data: unknown }).data;
  }
  return json;
}

/** Validates a 2xx body; a body we cannot read means we do not know what happened. */
export function validate<T extends z.ZodType>(schema: T, json: unknown, status: number): z.infer<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new OctopusCardsError({
    httpStatus: status,
    name: "InvalidResponseError",
    code: "INVALID_RESPONSE",
    message: `Unexpected Octopus Cards response: ${parsed.error.issues[0]?.message ?? "invalid"}`,
    outcome: "unknown",
    cause: parsed.error,
  });
}
