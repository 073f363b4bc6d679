import { AppError } from "@/lib/errors";
import { validationFailure } from "@/lib/actions/action-result";
import type { z } from "zod";

/** Maps a refusal to its HTTP status and a JSON body that names the problem; internals stay in the log. */
export function errorResponse(error: unknown, where: string): Response {
  if (error instanceof AppError) {
    return Response.json(
      { error: { code: error.code, message: error.userMessage, fieldErrors: error.options.fieldErrors } },
      { status: error.httpStatus },
    );
  }
  console.error(`[route ${where}]`, error);
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }, { status: 500 });
}

export function validationResponse(error: z.ZodError): Response {
  const failure = validationFailure(error);
  return Response.json({ error: { code: failure.code, message: failure.message, fieldErrors: failure.fieldErrors } }, { status: 422 });
}
