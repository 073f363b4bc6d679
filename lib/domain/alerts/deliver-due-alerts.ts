import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { alertOutbox } from "@/drizzle/schema/alerts";
import { runEvery } from "@/lib/platform/background/every";
import { runLeasedChecks, type LeasedCheckRun } from "@/lib/platform/background/lease-runner";
import type { Database } from "@/lib/platform/db/types";
import { log } from "@/lib/platform/log/logger";
import { fanOutAlert, type AlertChannels, type AlertFanOut } from "./fan-out-alert";
import { failureMessage } from "./failure-message";

export const alertDeliveryIntervalMs = 2_000;
/** Long enough for one short transaction per alert; a worker that died frees its alerts after it. */
const deliveryLeaseMs = 60_000;
const firstRetryMs = 30_000;
const longestRetryMs = 60 * 60_000;

/** After the n-th failed attempt: 30 s, then doubling, at most an hour. */
export function alertRetryDelayMs(failedAttempts: number): number {
  return Math.min(longestRetryMs, firstRetryMs * 2 ** Math.max(0, failedAttempts - 1));
}

export type AlertDelivery =
  | ({ alertId: string; outcome: "delivered" } & AlertFanOut)
  | { alertId: string; outcome: "already-delivered" }
  | { alertId: string; outcome: "failed"; error: string; retryAt: Date };

const leaseFree = (now: Date) => or(isNull(alertOutbox.leaseUntil), lte(alertOutbox.leaseUntil, now));

/** Claims up to `limit` undelivered alerts due at `now` in one statement (SKIP LOCKED: several instances never wait on each other). */
async function leaseDueAlerts(db: Database, limit: number, now: Date): Promise<string[]> {
  const due = db
    .select({ id: alertOutbox.id })
    .from(alertOutbox)
    .where(and(isNull(alertOutbox.deliveredAt), lte(alertOutbox.nextAttemptAt, now), leaseFree(now)))
    .orderBy(asc(alertOutbox.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  const leased = await db
    .update(alertOutbox)
    .set({ leaseUntil: new Date(now.getTime() + deliveryLeaseMs) })
    .where(inArray(alertOutbox.id, due))
    .returning({ id: alertOutbox.id });
  return leased.map((row) => row.id.toString());
}

/**
 * One short transaction: the alert row is locked and checked still undelivered (a lease that
 * lapsed mid-delivery cannot deliver it twice), it is fanned out to people and channels (the
 * unique indexes keep each at one), and marked delivered. Email and webhooks are sent later,
 * outside any transaction, by the sender (send-due-alert-deliveries.ts).
 */
function deliverAlert(db: Database, alertId: string, channels: AlertChannels, now: Date): Promise<AlertDelivery> {
  return db.transaction(async (tx) => {
    const [alert] = await tx
      .select()
      .from(alertOutbox)
      .where(eq(alertOutbox.id, BigInt(alertId)))
      .for("update");
    if (!alert) throw new Error(`alert ${alertId} vanished`);
    if (alert.deliveredAt) return { alertId, outcome: "already-delivered" as const };
    const fanOut = await fanOutAlert(tx, alert, channels, now);
    await tx
      .update(alertOutbox)
      .set({ deliveredAt: now, leaseUntil: null, attempts: sql`${alertOutbox.attempts} + 1`, lastError: null })
      .where(eq(alertOutbox.id, alert.id));
    return { alertId, outcome: "delivered" as const, ...fanOut };
  });
}

/** The row is still leased to us, so nobody else writes its attempts between the read and the write. */
async function recordDeliveryFailure(db: Database, alertId: string, now: Date, error: unknown): Promise<AlertDelivery> {
  const message = failureMessage(error);
  const id = BigInt(alertId);
  const [row] = await db.select({ attempts: alertOutbox.attempts }).from(alertOutbox).where(eq(alertOutbox.id, id));
  const attempts = (row?.attempts ?? 0) + 1;
  const retryAt = new Date(now.getTime() + alertRetryDelayMs(attempts));
  await db
    .update(alertOutbox)
    .set({ attempts, lastError: message, leaseUntil: null, nextAttemptAt: retryAt })
    .where(eq(alertOutbox.id, id));
  log.warn({ alertId, err: error, retryAt }, "alert delivery failed; it will be retried");
  return { alertId, outcome: "failed", error: message, retryAt };
}

async function releaseAlertForRetry(db: Database, alertId: string, retryAt: Date): Promise<void> {
  await db
    .update(alertOutbox)
    .set({ leaseUntil: null, nextAttemptAt: retryAt })
    .where(and(eq(alertOutbox.id, BigInt(alertId)), isNull(alertOutbox.deliveredAt)));
}

/**
 * One delivery pass: lease the alerts due, deliver each in its own transaction. A failed delivery
 * counts an attempt, keeps its error and is retried with back-off. Safe on several instances.
 */
export function deliverDueAlerts(
  db: Database,
  options: { limit?: number; now?: Date; channels?: AlertChannels } = {},
): Promise<LeasedCheckRun<AlertDelivery>> {
  const channels = options.channels ?? { email: false };
  return runLeasedChecks(
    {
      noun: "alert",
      leaseDue: (limit, now) => leaseDueAlerts(db, limit, now),
      check: (alertId, now) =>
        deliverAlert(db, alertId, channels, now).catch((error: unknown) =>
          recordDeliveryFailure(db, alertId, now, error),
        ),
      releaseForRetry: (alertId, retryAt) => releaseAlertForRetry(db, alertId, retryAt),
      retryAfterMs: firstRetryMs,
    },
    { limit: options.limit ?? 50, now: options.now ?? new Date() },
  );
}

/** A fan-out pass every two seconds in this process; several instances may run it (SKIP LOCKED leases). */
export function startAlertDelivery(
  db: () => Database,
  channels: AlertChannels,
  intervalMs = alertDeliveryIntervalMs,
): () => void {
  return runEvery("alert-delivery", () => deliverDueAlerts(db(), { channels }), intervalMs);
}
