import { z } from "zod";
import type { PaymentSort } from "./sort";

/**
 * The position after the last row of a page: the sort it belongs to, that row's sort key and
 * its id. Opaque in the URL (base64url JSON), checked strictly on the way back in: a cursor that
 * does not decode, or belongs to another sort, is ignored (and the page says so). It is not
 * signed: it only says where to resume in a list the user may read in full anyway, and every
 * value in it reaches SQL as a typed, bound parameter.
 */
export type PaymentCursor =
  | { sort: Extract<PaymentSort, "newest" | "oldest">; createdAt: string; id: string }
  | { sort: Extract<PaymentSort, "amount_desc" | "amount_asc">; amountMinor: bigint; id: string };

const uuid = z.uuid();
/** Microsecond-exact UTC timestamp as Postgres stores it (a JS Date would lose the microseconds). */
const exactTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
const minorUnits = z.string().regex(/^[1-9]\d{0,18}$/).refine((v) => BigInt(v) <= 9_223_372_036_854_775_807n);

const wireSchema = z.discriminatedUnion("s", [
  z.strictObject({ v: z.literal(1), s: z.enum(["newest", "oldest"]), t: exactTimestamp, i: uuid }),
  z.strictObject({ v: z.literal(1), s: z.enum(["amount_desc", "amount_asc"]), a: minorUnits, i: uuid }),
]);

export function encodeCursor(cursor: PaymentCursor): string {
  const wire =
    "createdAt" in cursor
      ? { v: 1, s: cursor.sort, t: cursor.createdAt, i: cursor.id }
      : { v: 1, s: cursor.sort, a: cursor.amountMinor.toString(), i: cursor.id };
  return Buffer.from(JSON.stringify(wire), "utf8").toString("base64url");
}

export type CursorDecode = { ok: true; cursor: PaymentCursor } | { ok: false; message: string };

export function decodeCursor(text: string, sort: PaymentSort): CursorDecode {
  const invalid = { ok: false as const, message: "is not a valid page cursor" };
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
  if (wire.s !== sort) return { ok: false, message: `belongs to another sort order (${wire.s}), so paging starts again` };
  if ("t" in wire) return { ok: true, cursor: { sort: wire.s, createdAt: wire.t, id: wire.i } };
  return { ok: true, cursor: { sort: wire.s, amountMinor: BigInt(wire.a), id: wire.i } };
}

