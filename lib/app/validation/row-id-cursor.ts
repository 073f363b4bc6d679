import { z } from "zod";
import { invalidCursorMessage } from "@/lib/platform/lists/cursor";

const maxBigint = 9_223_372_036_854_775_807n;

/**
 * The page cursor of a list keyed on a bigint identity (audit log, webhook receipts): the last
 * row's id as we wrote it, digits without a leading zero that fit Postgres' bigint. Anything
 * else was not written by us and is refused here, before it can reach SQL.
 */
export const rowIdCursor = z
  .string()
  .regex(/^[1-9]\d{0,18}$/, invalidCursorMessage)
  .refine((value) => !/^\d+$/.test(value) || BigInt(value) <= maxBigint, invalidCursorMessage);
