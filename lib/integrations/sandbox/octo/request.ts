import { z } from "zod";
import { parseJsonBody } from "../core/http";
import { sandboxCredentials } from "../credentials";
import { dataFormatError, wrongSecret } from "./envelope";

export const octoAmountSchema = z.union([z.number().finite(), z.string().regex(/^-?\d+(?:\.\d+)?$/)]);

const authSchema = z.object({
  octo_shop_id: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  octo_secret: z.string(),
});

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid request";
  return issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

export type ParsedOctoRequest<T> =
  { ok: true; body: T; raw: Record<string, unknown> } | { ok: false; response: Response };

/**
 * Body → validated request, in OCTO's order: unreadable or missing credentials → error 1,
 * an unknown shop id or a wrong secret → error 2, then the method's own fields → error 1.
 */
export function parseOctoRequest<T>(bodyText: string, schema: z.ZodType<T>): ParsedOctoRequest<T> {
  const json = parseJsonBody(bodyText);
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return { ok: false, response: dataFormatError("the body must be a JSON object") };
  const auth = authSchema.safeParse(json);
  if (!auth.success) return { ok: false, response: dataFormatError(describeIssue(auth.error)) };
  const expected = sandboxCredentials.octo;
  if (auth.data.octo_shop_id !== expected.shopId || auth.data.octo_secret !== expected.secret)
    return { ok: false, response: wrongSecret() };
  const body = schema.safeParse(json);
  if (!body.success) return { ok: false, response: dataFormatError(describeIssue(body.error)) };
  return { ok: true, body: body.data, raw: json as Record<string, unknown> };
}
