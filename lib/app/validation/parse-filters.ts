import { z } from "zod";

/**
 * A list page's URL filters, each parsed on its own: a bad value (a NUL, a cursor we never
 * wrote) is left out and reported under its parameter's name while the other filters still
 * apply. Route handlers parse the same schema whole and refuse the request instead.
 */
export function parseFilterFields<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  raw: Record<string, string>,
): { data: Partial<z.output<z.ZodObject<Shape>>>; error: z.ZodError | undefined } {
  const data: Record<string, unknown> = {};
  const issues: z.core.$ZodIssue[] = [];
  for (const [name, field] of Object.entries(schema.shape) as Array<[string, z.ZodType]>) {
    const parsed = field.safeParse(raw[name]);
    if (!parsed.success)
      for (const issue of parsed.error.issues) issues.push({ ...issue, path: [name, ...issue.path] });
    else if (parsed.data !== undefined) data[name] = parsed.data;
  }
  return {
    data: data as Partial<z.output<z.ZodObject<Shape>>>,
    error: issues.length ? new z.ZodError(issues) : undefined,
  };
}
