import { emptyResponse } from "../core/http";
import type { SandboxRequest } from "../core/types";
import { newRequestId } from "./ids";

/** The API version our simulator reports in Cko-Version. */
export const ckoVersion = "1.0.0";

const requestIds = new WeakMap<SandboxRequest, string>();

/** One Cko-Request-Id per incoming request; error bodies repeat it as `request_id`. */
export function requestIdOf(request: SandboxRequest): string {
  let id = requestIds.get(request);
  if (!id) {
    id = newRequestId();
    requestIds.set(request, id);
  }
  return id;
}

export function ckoHeaders(request: SandboxRequest): Record<string, string> {
  return { "cko-request-id": requestIdOf(request), "cko-version": ckoVersion };
}

/** A JSON answer with the exact body text (replays must be byte-identical) and the Cko headers. */
export function ckoText(request: SandboxRequest, status: number, bodyText: string): Response {
  return new Response(bodyText, {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...ckoHeaders(request) },
  });
}

export function ckoJson(request: SandboxRequest, status: number, body: unknown): Response {
  return ckoText(request, status, JSON.stringify(body));
}

/** 401, 403 and 404 carry no body on the real API. */
export function ckoEmpty(request: SandboxRequest, status: 401 | 403 | 404): Response {
  return emptyResponse(status, ckoHeaders(request));
}

/** 422 ValidationError: { request_id, error_type: "request_invalid", error_codes }. */
export function validationError(request: SandboxRequest, errorCodes: string[]): Response {
  return ckoJson(request, 422, {
    request_id: requestIdOf(request),
    error_type: "request_invalid",
    error_codes: errorCodes,
  });
}

/** A body that is not JSON at all. */
export function malformedRequest(request: SandboxRequest): Response {
  return ckoJson(request, 422, {
    request_id: requestIdOf(request),
    error_type: "request_malformed",
    error_codes: ["request_json_invalid"],
  });
}

/** 409 for a duplicate of an idempotent request that is still being processed (Error shape). */
export function conflictError(request: SandboxRequest): Response {
  return ckoJson(request, 409, {
    request_id: requestIdOf(request),
    error_type: "request_conflict",
    error_codes: ["duplicate_request_in_progress"],
  });
}
