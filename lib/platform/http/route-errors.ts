import { AppError } from "@/lib/platform/errors";
import { validationFailure } from "@/lib/platform/refusal";
import { ZodError, type z } from "zod";
import { log } from "@/lib/platform/log/logger";

/** Maps a refusal to its HTTP status and a JSON body that names the problem; internals stay in the log. */
export function errorResponse(error: unknown, where: string): Response {
  if (error instanceof AppError) {
    return Response.json(
      { error: { code: error.code, message: error.userMessage, fieldErrors: error.options.fieldErrors } },
      { status: error.httpStatus },
    );
  }
  log.error({ route: where, err: error }, "route failed");
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
}

/**
 * A refused request: 422 with each query parameter (or body field) named as the caller wrote it
 * — `status`, never `status.0` — and its rule, each said once.
 */
export function validationResponse(error: z.ZodError): Response {
  const failure = parameterFailure(error);
  return Response.json(
    { error: { code: failure.code, message: failure.message, fieldErrors: failure.fieldErrors } },
    { status: 422 },
  );
}

/** The refusal validationResponse sends: issues named by their top-level parameter, duplicates dropped. */
export function parameterFailure(error: z.ZodError) {
  const seen = new Set<string>();
  const issues = error.issues
    .map((issue) => ({ ...issue, path: issue.path.slice(0, 1) }))
    .filter((issue) => {
      const key = `${String(issue.path[0])}\u0000${issue.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return validationFailure(new ZodError(issues));
}
