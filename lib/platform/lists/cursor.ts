import { z } from "zod";
import type { ListSort } from "./sort";

/**
 * A position in a keyset list: the sort it belongs to, a row's sort key and its id, and which
 * way the page runs from it. Without `before` the page is the rows after that row (next page);
 * with it, the rows before it (previous page: read in reverse, then flipped). Opaque in the URL
 * (base64url JSON). One decoder for every keyset list
 * (payments, orders, the refunds monitor) refuses anything it did not encode: the text must be
 * exactly what encodeCursor writes for the values it holds (so no padding, reordered keys, extra
 * fields or spaces), the timestamp a real instant and the amount a bigint. It is not signed: it
 * only says where to resume in a list the user may read in full anyway, and every value in it
 * reaches SQL as a typed, bound parameter; strict decoding is what keeps a crafted one from
 * reaching Postgres as a value it would refuse (a 30th of February, a 20-digit amount).
 */
export type ListCursor = (
  | { sort: Extract<ListSort, "newest" | "oldest">; createdAt: string; id: string }
  | { sort: Extract<ListSort, "amount_desc" | "amount_asc">; amountMinor: bigint; id: string }
) & { before?: true };

const uuid = z.uuid();
/** Microsecond-exact UTC timestamp as Postgres stores it (a JS Date would lose the microseconds). */
const exactTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
  .refine(isRealInstant);

/** 1970 onwards, and the date and time exist (no month 13, no 30 February, no 24:00). */
function isRealInstant(text: string): boolean {
  const date = new Date(`${text.slice(0, 23)}Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.getUTCFullYear() >= 1970 &&
    date.toISOString().slice(0, 23) === text.slice(0, 23)
  );
}
// zod runs every check even after the regex fails, so the refinement must not throw on non-digits.
const minorUnits = z
  .string()
  .regex(/^[1-9]\d{0,18}$/)
  .refine((v) => /^\d+$/.test(v) && BigInt(v) <= 9_223_372_036_854_775_807n);

const before = z.literal("before").optional();
const wireSchema = z.discriminatedUnion("s", [
  z.strictObject({ v: z.literal(1), s: z.enum(["newest", "oldest"]), t: exactTimestamp, i: uuid, d: before }),
  z.strictObject({ v: z.literal(1), s: z.enum(["amount_desc", "amount_asc"]), a: minorUnits, i: uuid, d: before }),
]);

export function encodeCursor(cursor: ListCursor): string {
  const direction = cursor.before ? { d: "before" } : {};
  const wire =
    "createdAt" in cursor
      ? { v: 1, s: cursor.sort, t: cursor.createdAt, i: cursor.id, ...direction }
      : { v: 1, s: cursor.sort, a: cursor.amountMinor.toString(), i: cursor.id, ...direction };
  return Buffer.from(JSON.stringify(wire), "utf8").toString("base64url");
}

export const invalidCursorMessage = "is not a valid page cursor";

/** True when a list's parse refused its page cursor as one we never wrote (not merely stale). */
export function cursorRefused(error: z.ZodError | undefined): boolean {
  return Boolean(error?.issues.some((issue) => issue.path[0] === "cursor" && issue.message === invalidCursorMessage));
}

export type CursorDecode = { ok: true; cursor: ListCursor } | { ok: false; message: string };

/**
 * `allowBefore`: the list reads previous pages (the payments list). Lists that only page forward
 * refuse a "before" cursor rather than misread it as "after".
 */
export function decodeCursor(text: string, sort: ListSort, options: { allowBefore?: boolean } = {}): CursorDecode {
  const invalid = { ok: false as const, message: invalidCursorMessage };
  if (text.length > 400 || !/^[A-Za-z0-9_-]+$/.test(text)) return invalid;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return invalid;
  }
  const parsed = wireSchema.safeParse(json);
  if (!parsed.success) return invalid;
  const wire = parsed.data;
  if (encodeCursor(toCursor(wire)) !== text) return invalid;
  if (wire.d && !options.allowBefore) return invalid;
  if (wire.s !== sort)
    return { ok: false, message: `belongs to another sort order (${wire.s}), so paging starts again` };
  return { ok: true, cursor: toCursor(wire) };
}

function toCursor(wire: z.output<typeof wireSchema>): ListCursor {
  const direction = wire.d ? { before: true as const } : {};
  if ("t" in wire) return { sort: wire.s, createdAt: wire.t, id: wire.i, ...direction };
  return { sort: wire.s, amountMinor: BigInt(wire.a), id: wire.i, ...direction };
}
