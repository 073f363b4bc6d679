import type { z } from "zod";
import { stringifyOctoJson } from "./decimal-json";
import { OctoError } from "./errors";
import { octoEnvelopeSchema } from "./schemas";

export interface OctoTransportOptions {
  baseUrl: string;
  /** Redacted from every error message, whatever the server echoes back. */
  secret: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join("[redacted]") : text;
}

/** Keeps the cause unless its message quotes the secret (JSON.parse quotes the body it choked on). */
function safeCause(cause: unknown, secret: string): unknown {
  if (!(cause instanceof Error) || !secret || !cause.message.includes(secret)) return cause;
  return new Error(redact(cause.message, secret));
}

/**
 * POSTs one OCTO method and returns its validated payload. Any answer with error ≠ 0 is a
 * "rejected" OctoError; anything that leaves the outcome open (timeout, dropped connection,
 * non-200, a body we cannot read) is an "unknown" one. The secret never reaches a message.
 */
export async function postOcto<T>(options: OctoTransportOptions, method: string, body: Record<string, unknown>, payloadSchema: z.ZodType<T>): Promise<T> {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/${method}`;
  const unknownOutcome = (reason: string, cause?: unknown) =>
    new OctoError(redact(`OCTO ${method}: ${reason}`, options.secret), { code: null, outcome: "unknown", cause: safeCause(cause, options.secret) });

  let response: Response;
  try {
    response = await options.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: stringifyOctoJson(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (cause) {
    const timedOut = cause instanceof DOMException && (cause.name === "TimeoutError" || cause.name === "AbortError");
    throw unknownOutcome(timedOut ? `no answer within ${options.timeoutMs} ms` : "the request failed before an answer arrived", cause);
  }

  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw unknownOutcome("the connection dropped while reading the answer", cause);
  }
  if (response.status !== 200) throw unknownOutcome(`unexpected HTTP ${response.status}`);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw unknownOutcome("the answer is not JSON", cause);
  }
  const envelope = octoEnvelopeSchema.safeParse(json);
  if (!envelope.success) throw unknownOutcome("the answer has no numeric error field");
  if (envelope.data.error !== 0) {
    const reason = envelope.data.errMessage ?? envelope.data.errorMessage ?? "no message";
    throw new OctoError(redact(`OCTO ${method} error ${envelope.data.error}: ${reason}`, options.secret), { code: envelope.data.error, outcome: "rejected" });
  }
  const { data, ...flat } = envelope.data;
  const payload = payloadSchema.safeParse(data ?? flat);
  if (!payload.success) throw unknownOutcome("the answer's data does not match the documented shape");
  return payload.data;
}
