import { and, gte, sql } from "drizzle-orm";
import { webhookRejectionCounts } from "@/drizzle/schema/webhook-rejections";
import type { DbOrTx } from "@/lib/platform/db/types";

/**
 * Refused, unauthenticated deliveries stored as receipts per provider per minute; every further
 * one in that minute is only counted. Enough to see what an attacker or a misconfigured sender
 * is doing, never enough for a flood to grow the append-only receipts table without bound.
 */
export const rejectedSamplesPerMinute = 20;

const minuteOf = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000);

/**
 * Counts one refused delivery and says whether it is within the minute's sample. One atomic
 * upsert: concurrent floods serialise on the counter row, so the sample never exceeds the budget.
 */
export async function countRejection(db: DbOrTx, provider: string, at: Date): Promise<{ sampled: boolean }> {
  const [row] = await db
    .insert(webhookRejectionCounts)
    .values({ provider, minute: minuteOf(at), received: 1 })
    .onConflictDoUpdate({
      target: [webhookRejectionCounts.provider, webhookRejectionCounts.minute],
      set: { received: sql`${webhookRejectionCounts.received} + 1` },
    })
    .returning({ received: webhookRejectionCounts.received });
  return { sampled: (row?.received ?? 1) <= rejectedSamplesPerMinute };
}

export interface RejectionSummary {
  /** Refused deliveries counted since `since`. */
  received: number;
  /** Of them, counted only (beyond each minute's sample): no receipt exists for these. */
  notStored: number;
}

/** Refused deliveries since a moment (e.g. the last hour), over every provider or one. */
export async function rejectionSummary(db: DbOrTx, since: Date, provider?: string): Promise<RejectionSummary> {
  const [row] = await db
    .select({
      received: sql<string>`coalesce(sum(${webhookRejectionCounts.received}), 0)`,
      notStored: sql<string>`coalesce(sum(greatest(${webhookRejectionCounts.received} - ${rejectedSamplesPerMinute}, 0)), 0)`,
    })
    .from(webhookRejectionCounts)
    .where(
      and(
        gte(webhookRejectionCounts.minute, minuteOf(since)),
        provider ? sql`${webhookRejectionCounts.provider} = ${provider}` : undefined,
      ),
    );
  return { received: Number(row?.received ?? 0), notStored: Number(row?.notStored ?? 0) };
}

/** The Webhooks page's notice: refused deliveries of the last hour that were counted, not stored. */
export function rejectionsInLastHour(db: DbOrTx, provider?: string, now = new Date()): Promise<RejectionSummary> {
  return rejectionSummary(db, new Date(now.getTime() - 3_600_000), provider);
}
