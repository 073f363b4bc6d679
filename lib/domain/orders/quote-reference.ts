import { randomUUID } from "node:crypto";
import { eq, like, or } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import type { DbOrTx } from "@/lib/platform/db/types";

/**
 * A quote's client_reference is minted once, when the quote is first asked for, and kept in the
 * quote's URL: the same quote shown again (Back, reload, a second tab) confirms with the same
 * reference, so it can only ever be one order.
 */
export function mintQuoteReference(): string {
  return `ORD-${randomUUID()}`;
}

const shape = /^ORD-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isQuoteReference(value: string | undefined): value is string {
  return value !== undefined && shape.test(value);
}

/** The order this quote already became, if any (sandbox orders carry an outcome prefix before the reference). */
export async function orderForQuoteReference(
  db: DbOrTx,
  reference: string,
): Promise<Pick<typeof orders.$inferSelect, "id" | "status" | "failureReason" | "isUserFixable"> | undefined> {
  if (!isQuoteReference(reference)) return undefined;
  const [row] = await db
    .select({
      id: orders.id,
      status: orders.status,
      failureReason: orders.failureReason,
      isUserFixable: orders.isUserFixable,
    })
    .from(orders)
    .where(or(eq(orders.clientReference, reference), like(orders.clientReference, `%-${reference}`)))
    .limit(1);
  return row;
}
