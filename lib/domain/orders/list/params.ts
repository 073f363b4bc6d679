import { z } from "zod";
import { typedText } from "@/lib/app/validation/text";
import { orderStatuses, orderVerticals } from "@/drizzle/schema/orders";
import { decodeCursor, invalidCursorMessage } from "@/lib/platform/lists/cursor";
import { nextWallTime, parseLocalDateTime } from "@/lib/platform/time-zone/local-date-time";
import { zonedWallTimeToUtc } from "@/lib/platform/time-zone/wall-time";
import type { OrderStatus, OrderVertical } from "../order-status";

/** The orders list's filters, typed; dates are read in UTC, `to` inclusive at the precision typed. */
export interface OrderListFilters {
  vertical?: OrderVertical;
  status?: OrderStatus;
  createdFrom?: Date;
  createdBefore?: Date;
  /** client_reference (exact or starting with), a provider order id (digits) or our order id. */
  reference?: string;
  /** Newest first; the payments list's cursor shape (created_at to the microsecond, id). */
  cursor?: { sort: "newest"; createdAt: string; id: string };
}

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const dateText = z
  .string()
  .trim()
  .refine((v) => parseLocalDateTime(v) !== null, "must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)");

const paramSchemas = {
  vertical: z.enum(orderVerticals, { error: `must be one of ${orderVerticals.join(", ")}` }),
  status: z.enum(orderStatuses, { error: `must be one of ${orderStatuses.join(", ")}` }),
  from: dateText,
  to: dateText,
  q: typedText({ max: 100 }).min(2, "must be at least 2 characters"),
  cursor: z.string(),
} as const;
type ParamName = keyof typeof paramSchemas;
const paramNames = Object.keys(paramSchemas) as ParamName[];

export interface ParsedOrderList {
  filters: OrderListFilters;
  /** The applied filters as URL params (no cursor): for the form, the pager and the export. */
  params: Record<string, string>;
  cursorParam: string | undefined;
  narrowed: boolean;
  error: z.ZodError | undefined;
}

/** URL search params → filters. An invalid value is left out and reported; the others apply. */
export function parseOrderListParams(
  raw: URLSearchParams | Record<string, string | string[] | undefined>,
): ParsedOrderList {
  const issues: z.core.$ZodIssue[] = [];
  const values: Partial<Record<ParamName, string>> = {};
  for (const name of paramNames) {
    const value = raw instanceof URLSearchParams ? (raw.get(name) ?? undefined) : [raw[name]].flat()[0];
    if (blank(value) === undefined) continue;
    const parsed = paramSchemas[name].safeParse(value);
    if (parsed.success) values[name] = parsed.data;
    else for (const issue of parsed.error.issues) issues.push({ ...issue, path: [name, ...issue.path] });
  }
  const filters: OrderListFilters = {};
  const params: Record<string, string> = {};
  if (values.vertical) filters.vertical = params.vertical = values.vertical as OrderVertical;
  if (values.status) filters.status = params.status = values.status as OrderStatus;
  const from = values.from ? parseLocalDateTime(values.from) : null;
  const to = values.to ? parseLocalDateTime(values.to) : null;
  if (from) {
    filters.createdFrom = zonedWallTimeToUtc(from.wall, "UTC");
    params.from = values.from!;
  }
  if (to) {
    const before = zonedWallTimeToUtc(nextWallTime(to), "UTC");
    if (filters.createdFrom && before <= filters.createdFrom)
      issues.push({ code: "custom", path: ["to"], message: "must not be before from", input: undefined });
    else {
      filters.createdBefore = before;
      params.to = values.to!;
    }
  }
  if (values.q) filters.reference = params.q = values.q;
  let cursorParam: string | undefined;
  if (values.cursor) {
    const decoded = decodeCursor(values.cursor, "newest");
    if (decoded.ok && decoded.cursor.sort === "newest" && "createdAt" in decoded.cursor) {
      filters.cursor = { sort: "newest", createdAt: decoded.cursor.createdAt, id: decoded.cursor.id };
      cursorParam = values.cursor;
    } else
      issues.push({
        code: "custom",
        path: ["cursor"],
        message: decoded.ok ? invalidCursorMessage : decoded.message,
        input: undefined,
      });
  }
  const narrowed = Boolean(
    filters.vertical || filters.status || filters.createdFrom || filters.createdBefore || filters.reference,
  );
  return { filters, params, cursorParam, narrowed, error: issues.length ? new z.ZodError(issues) : undefined };
}
