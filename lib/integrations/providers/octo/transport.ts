import type { z } from "zod";
import { assertNoOpenTransaction } from "@/lib/platform/db/no-network-in-transaction";
import { elapsedMsSince } from "@/lib/platform/log/provider-call";
import { noteProviderExchange } from "../exchange-recording";
import { keepableBody } from "../provider-exchange";
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

/** What came back, as far as it came: filled in by sendOcto for the exchange record. */
interface OctoAnswerSeen {
  status: number | null;
  text: string | null;
}

/**
 * POSTs one OCTO method and returns its validated payload. Any answer with error ≠ 0 is a
 * "rejected" OctoError; anything that leaves the outcome open (timeout, dropped connection,
 * non-200, a body we cannot read) is an "unknown" one. The secret never reaches a message.
 */
async function sendOcto<T>(
  options: OctoTransportOptions,
  method: string,
  requestText: string,
  payloadSchema: z.ZodType<T>,
  seen: OctoAnswerSeen,
): Promise<T> {
  assertNoOpenTransaction(`OCTO ${method}`);
  const url = `${options.baseUrl.replace(/\/+$/, "")}/${method}`;
  const unknownOutcome = (reason: string, cause?: unknown) =>
    new OctoError(redact(`OCTO ${method}: ${reason}`, options.secret), {
      code: null,
      outcome: "unknown",
      cause: safeCause(cause, options.secret),
    });

  let response: Response;
  try {
    response = await options.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: requestText,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (cause) {
    const timedOut = cause instanceof DOMException && (cause.name === "TimeoutError" || cause.name === "AbortError");
    throw unknownOutcome(
      timedOut ? `no answer within ${options.timeoutMs} ms` : "the request failed before an answer arrived",
      cause,
    );
  }

  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw unknownOutcome("the connection dropped while reading the answer", cause);
  }
  seen.status = response.status;
  seen.text = text;
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
    throw new OctoError(redact(`OCTO ${method} error ${envelope.data.error}: ${reason}`, options.secret), {
      code: envelope.data.error,
      outcome: "rejected",
    });
  }
  const { data, ...flat } = envelope.data;
  const payload = payloadSchema.safeParse(data ?? flat);
  if (!payload.success) throw unknownOutcome("the answer's data does not match the documented shape");
  return payload.data;
}

/**
 * One OCTO call (see sendOcto), noted for the timeline of the step that made it: the request
 * and answer bodies redacted (octo_secret by key, and the secret's value anywhere), never headers.
 */
export async function postOcto<T>(
  options: OctoTransportOptions,
  method: string,
  body: Record<string, unknown>,
  payloadSchema: z.ZodType<T>,
): Promise<T> {
  const requestText = stringifyOctoJson(body);
  const seen: OctoAnswerSeen = { status: null, text: null };
  const started = performance.now();
  const note = (failure: string | null) =>
    noteProviderExchange({
      provider: "octo",
      operation: method.replaceAll("_", " "),
      method: "POST",
      path: `/${method}`,
      request: keepableBody(requestText, [options.secret]),
      status: seen.status,
      response: seen.text === null ? null : keepableBody(seen.text, [options.secret]),
      failure,
      durationMs: elapsedMsSince(started),
    });
  try {
    const payload = await sendOcto(options, method, requestText, payloadSchema, seen);
    note(null);
    return payload;
  } catch (error) {
    note(error instanceof Error ? error.message : String(error));
    throw error;
  }
}
