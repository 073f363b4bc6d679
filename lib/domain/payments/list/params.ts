import { z } from "zod";
import { typedText } from "@/lib/app/validation/text";
import { paymentProviders, paymentStatuses } from "@/drizzle/schema/payments";
import { majorToMinor } from "@/lib/platform/money/convert";
import { AmountPrecisionError, currencyExponent, isKnownCurrency } from "@/lib/platform/money/currency";
import type { PaymentStatus } from "@/lib/domain/payments/payment-status";
import { decodeCursor, type ListCursor } from "@/lib/platform/lists/cursor";
import { nextWallTime, parseLocalDateTime, type LocalDateTime } from "@/lib/platform/time-zone/local-date-time";
import { classifySearch, type PaymentSearch } from "./search";
import { amountSortNeedsCurrency, isAmountSort, listSorts, type ListSort } from "@/lib/platform/lists/sort";
import { canonicalTimeZone, zonedWallTimeToUtc } from "@/lib/platform/time-zone/wall-time";

export type PaymentProvider = (typeof paymentProviders)[number];

/** The filters as the query runs them: typed, converted, every instant in UTC. */
export interface PaymentListFilters {
  provider?: PaymentProvider;
  statuses?: PaymentStatus[];
  /** Any ISO 4217 code (a payment in a code outside it is found by the list, not by this filter). */
  currency?: string;
  /** Inclusive bounds in the currency's minor units. */
  amountMinMinor?: bigint;
  amountMaxMinor?: bigint;
  /** created_at >= createdFrom and created_at < createdBefore. */
  createdFrom?: Date;
  createdBefore?: Date;
  search?: PaymentSearch;
  /** Only payments whose latest sync found their provider disagreeing (payments.sync_disagreement). */
  syncDisagreed?: boolean;
  sort: ListSort;
  cursor?: ListCursor;
  /** How times are shown and how from/to are read. */
  timeZone: string;
}

const maxMinor = 9_223_372_036_854_775_807n;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const dateText = z
  .string()
  .trim()
  .refine(
    (v) => parseLocalDateTime(v) !== null,
    "must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM, optionally :SS)",
  );
const amountText = z
  .string()
  .trim()
  .regex(/^\d{1,19}(\.\d{1,6})?$/, "must be an amount in major units, e.g. 10.50 (digits, at most one decimal point)");

/**
 * The URL search params of the payments list, one schema per parameter. Each is parsed on its
 * own (see parsePaymentListParams), so one bad value is ignored and reported while the others
 * still apply. `status` may repeat (`status=a&status=b`) or be comma-separated.
 */
export const paymentListFiltersSchema = z.object({
  provider: optional(z.enum(paymentProviders, { error: `must be one of ${paymentProviders.join(", ")}` })),
  status: optional(
    z
      .array(z.enum(paymentStatuses, { error: `must each be one of ${paymentStatuses.join(", ")}` }))
      .max(paymentStatuses.length, "lists too many statuses")
      .transform((v) => [...new Set(v)]),
  ),
  currency: optional(
    z.string().trim().toUpperCase().refine(isKnownCurrency, "must be an ISO 4217 currency code such as HKD or UZS"),
  ),
  min: optional(amountText),
  max: optional(amountText),
  from: optional(dateText),
  to: optional(dateText),
  tz: optional(
    z
      .string()
      .trim()
      .max(64, "must be an IANA time zone such as Asia/Hong_Kong")
      .transform((v, ctx) => {
        const zone = canonicalTimeZone(v);
        if (!zone) ctx.addIssue({ code: "custom", message: "must be an IANA time zone such as Asia/Hong_Kong" });
        return zone ?? "UTC";
      }),
  ),
  q: optional(typedText({ max: 200 }).min(2, "must be at least 2 characters")),
  sync: optional(z.enum(["disagreed"], { error: "must be disagreed (the payments whose latest sync disagreed)" })),
  sort: optional(z.enum(listSorts, { error: `must be one of ${listSorts.join(", ")}` })),
  cursor: optional(z.string()),
});

type ParamValues = {
  [K in keyof typeof paymentListFiltersSchema.shape]?: z.output<(typeof paymentListFiltersSchema.shape)[K]>;
};
type ParamName = keyof typeof paymentListFiltersSchema.shape;
const paramNames = Object.keys(paymentListFiltersSchema.shape) as ParamName[];

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(raw: RawParams, name: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(name);
  const value = raw[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export interface ParsedPaymentList {
  filters: PaymentListFilters;
  /** The applied filters as URL params (no cursor, defaults left out): for the form, pager, export. */
  params: Record<string, string>;
  /** The page cursor as it came in, when it was valid. */
  cursorParam: string | undefined;
  /** True when something narrows the list (sort, time zone and cursor do not). */
  narrowed: boolean;
  /** What was ignored and why, for <IgnoredFilters>. */
  error: z.ZodError | undefined;
}

/** URL search params → filters. Invalid values are left out and reported; the rest apply. */
export function parsePaymentListParams(raw: RawParams): ParsedPaymentList {
  const issues: z.core.$ZodIssue[] = [];
  const flag = (path: ParamName, message: string) =>
    issues.push({ code: "custom", path: [path], message, input: undefined });
  const v: ParamValues = {};
  for (const name of paramNames) {
    const values = valuesOf(raw, name);
    const input =
      name === "status"
        ? values
            .flatMap((s) => s.split(","))
            .map((s) => s.trim())
            .filter(Boolean)
        : values[0];
    if (input === undefined || (Array.isArray(input) && input.length === 0)) continue;
    const parsed = paymentListFiltersSchema.shape[name].safeParse(input);
    if (parsed.success) Object.assign(v, { [name]: parsed.data });
    else for (const issue of parsed.error.issues) issues.push({ ...issue, path: [name, ...issue.path] });
  }

  const timeZone = v.tz ?? "UTC";
  let sort = v.sort ?? "newest";
  if (isAmountSort(sort) && !v.currency) {
    flag("sort", amountSortNeedsCurrency);
    sort = "newest";
  }
  const filters: PaymentListFilters = {
    sort,
    timeZone,
    provider: v.provider,
    statuses: v.status,
    currency: v.currency,
  };
  const params: Record<string, string> = {};

  const amountOf = (name: "min" | "max"): bigint | undefined => {
    const text = v[name];
    if (text === undefined) return undefined;
    if (!v.currency) {
      flag(name, "needs a currency: amounts are typed in the currency's major units");
      return undefined;
    }
    try {
      const minor = majorToMinor(text, v.currency);
      if (minor > maxMinor) throw new AmountPrecisionError("too large");
      params[name] = text;
      return minor;
    } catch (error) {
      if (!(error instanceof AmountPrecisionError)) throw error;
      const exponent = currencyExponent(v.currency);
      flag(
        name,
        `must have at most ${exponent} decimal place${exponent === 1 ? "" : "s"} in ${v.currency} and fit in 19 digits of minor units`,
      );
      return undefined;
    }
  };
  filters.amountMinMinor = amountOf("min");
  filters.amountMaxMinor = amountOf("max");
  if (
    filters.amountMinMinor !== undefined &&
    filters.amountMaxMinor !== undefined &&
    filters.amountMaxMinor < filters.amountMinMinor
  ) {
    flag("max", "must not be less than min");
    filters.amountMaxMinor = undefined;
    delete params.max;
  }

  const local = (name: "from" | "to"): LocalDateTime | undefined =>
    v[name] === undefined ? undefined : (parseLocalDateTime(v[name]) ?? undefined);
  const from = local("from");
  const to = local("to");
  if (from) {
    filters.createdFrom = zonedWallTimeToUtc(from.wall, timeZone);
    params.from = v.from!;
  }
  if (to) {
    // "to" is inclusive at the precision typed: a date takes in that whole day, a minute that whole minute.
    filters.createdBefore = zonedWallTimeToUtc(nextWallTime(to), timeZone);
    params.to = v.to!;
  }
  if (filters.createdFrom && filters.createdBefore && filters.createdBefore <= filters.createdFrom) {
    flag("to", "must not be before from");
    filters.createdBefore = undefined;
    delete params.to;
  }

  if (v.q !== undefined) {
    filters.search = classifySearch(v.q);
    params.q = v.q;
  }
  if (v.cursor !== undefined) {
    const decoded = decodeCursor(v.cursor, sort, { allowBefore: true });
    if (decoded.ok) filters.cursor = decoded.cursor;
    else flag("cursor", decoded.message);
  }

  if (v.sync === "disagreed") {
    filters.syncDisagreed = true;
    params.sync = v.sync;
  }
  if (v.provider) params.provider = v.provider;
  if (v.status?.length) params.status = v.status.join(",");
  if (v.currency) params.currency = v.currency;
  if (sort !== "newest") params.sort = sort;
  if (timeZone !== "UTC") params.tz = timeZone;

  const narrowed = Boolean(
    filters.provider ||
    filters.statuses?.length ||
    filters.currency ||
    filters.amountMinMinor !== undefined ||
    filters.amountMaxMinor !== undefined ||
    filters.createdFrom ||
    filters.createdBefore ||
    filters.search ||
    filters.syncDisagreed,
  );
  const cursorParam = filters.cursor ? v.cursor : undefined;
  return {
    filters,
    params: orderedParams(params),
    cursorParam,
    narrowed,
    error: issues.length ? new z.ZodError(issues) : undefined,
  };
}

/** Same filters → same URL, whatever order they arrived in. */
function orderedParams(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of paramNames) if (params[name] !== undefined) out[name] = params[name];
  return out;
}
