import type { z } from "zod";
import type { AppErrorCode, FieldErrors } from "./errors";

/** A refused request as forms and routes answer it: a code, one sentence, and the rule per field. */
export interface Refusal {
  ok: false;
  code: AppErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
}

/**
 * A field's key as the user reads it at the start of a sentence: the form field, not its path
 * ("status.0" → "Status", "customerEmail" → "Customer email", "webhookUrl" → "Webhook URL").
 */
export function fieldInWords(key: string): string {
  const words = (key.split(".")[0] ?? key)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/\burl\b/g, "URL");
  return words ? words[0]!.toUpperCase() + words.slice(1) : "This field";
}

/** Names every failing field and its rule, both per field and in one summary line. */
export function validationFailure(error: z.ZodError): Refusal {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "input";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const summary = Object.entries(fieldErrors)
    .map(([field, messages]) => `${fieldInWords(field)} ${messages.join("; ")}`)
    .join(". ");
  return { ok: false, code: "VALIDATION_FAILED", message: `Check the form: ${summary}.`, fieldErrors };
}
