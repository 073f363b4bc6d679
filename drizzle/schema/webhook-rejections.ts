import { integer, primaryKey, pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

/**
 * Webhook deliveries refused before they were authenticated, counted per provider per minute.
 * Only the first few of each minute are stored as receipts (the sample); the rest exist only
 * as this counter, so a flood of forged deliveries costs one row per minute, not one per request.
 */
export const webhookRejectionCounts = pgTable(
  "webhook_rejection_counts",
  {
    provider: text().notNull(),
    minute: timestamptz().notNull(),
    /** Every refused delivery of the minute, stored or not. */
    received: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.provider, t.minute] })],
);
