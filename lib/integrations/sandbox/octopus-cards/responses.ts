import { randomBytes } from "node:crypto";
import { jsonResponse } from "../core/http";

/** The error envelope of every non-2xx answer (providers.md §3.5). */
export class SimulatorError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const validationFailure = (message: string) =>
  new SimulatorError(400, "ValidationException", "VALIDATION_FAILURE", message);
export const badRequest = (message: string) => new SimulatorError(400, "BadRequestError", "BAD_REQUEST", message);
export const unauthorized = (message: string) => new SimulatorError(401, "UnauthorizedError", "UNAUTHORIZED", message);
export const notFound = (message: string) => new SimulatorError(404, "NotFoundError", "NOT_FOUND", message);
/** [OURS] providers.md §3.12 #1. */
export const insufficientBalance = () =>
  new SimulatorError(400, "BadRequestError", "INSUFFICIENT_BALANCE", "Insufficient wallet balance");

export function errorResponse(error: SimulatorError): Response {
  return jsonResponse(error.status, { error: { name: error.errorName, code: error.code, message: error.message } });
}

export function internalErrorResponse(): Response {
  return jsonResponse(500, {
    error: { name: "InternalServerError", code: "INTERNAL_SERVER_ERROR", message: "Internal server error" },
  });
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A KSUID-shaped id (27 base62 characters) for responses that arrive without X-Request-Id. */
export function newRequestId(): string {
  return Array.from(randomBytes(27), (byte) => base62[byte % 62]).join("");
}
