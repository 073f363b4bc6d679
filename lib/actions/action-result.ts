import { z } from "zod";
import type { AppErrorCode, FieldErrors } from "@/lib/errors";

export type ActionResult<Data> =
  | { ok: true; data: Data; message: string }
  | { ok: false; code: AppErrorCode; message: string; fieldErrors?: FieldErrors };

/** Names every failing field and its rule, both per field and in one summary line. */
export function validationFailure(error: z.ZodError): Extract<ActionResult<never>, { ok: false }> {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "input";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const summary = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field} ${messages.join("; ")}`)
    .join(". ");
  return { ok: false, code: "VALIDATION_FAILED", message: `Check the form: ${summary}.`, fieldErrors };
}
