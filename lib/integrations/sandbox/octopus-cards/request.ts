import { z } from "zod";
import { parseJsonBody } from "../core/http";
import type { SandboxRequest } from "../core/types";
import { validationFailure } from "./responses";

/** Validates a JSON body; any problem is a 400 VALIDATION_FAILURE naming the first bad field. */
export function parseBody<T extends z.ZodType>(
  request: SandboxRequest,
  schema: T,
  missingMessage?: string,
): z.infer<T> {
  const body = parseJsonBody(request.bodyText) ?? {};
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (missingMessage && issue && issue.code === "invalid_type" && issue.input === undefined)
    throw validationFailure(missingMessage);
  const field = issue?.path.join(".");
  throw validationFailure(field ? `${field}: ${issue?.message}` : (issue?.message ?? "Invalid request body"));
}

/** A positive integer path parameter, or a 404 for anything else (ids are numeric). */
export function numericId(value: string | undefined, notFound: () => Error): number {
  if (!value || !/^[1-9]\d{0,14}$/.test(value)) throw notFound();
  return Number(value);
}

/** Optional positive-integer query parameter; "0" or garbage is a 400. */
export function positiveIntQuery(request: SandboxRequest, name: string): number | undefined {
  const raw = request.query.get(name);
  if (raw === null || raw === "") return undefined;
  if (!/^[1-9]\d{0,14}$/.test(raw)) throw validationFailure(`${name} must be a positive integer`);
  return Number(raw);
}

/** [DOC] client_reference: optional, at most 255 printable ASCII characters. */
export const clientReferenceSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x20-\x7E]+$/, "must be printable ASCII")
  .optional();

/** Amounts arrive as JSON numbers in major units. */
export const amountSchema = z.number().positive().finite();
