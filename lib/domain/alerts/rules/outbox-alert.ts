import { inArray, sql, type SQL } from "drizzle-orm";
import { alertOutbox } from "@/drizzle/schema/alerts";
import type { DbOrTx } from "@/lib/platform/db/types";
import type { AlertRuleName } from "./alert-rule-catalogue";

/** One alert as the outbox stores it: one sentence each for title and body, and a link to the exact rows. */
export interface OutboxAlert {
  rule: AlertRuleName;
  dedupeKey: string;
  subjectType: string;
  subjectId: string;
  title: string;
  body: string;
  href: string;
}

/** Writes an alert once: a second raise of the same dedupe key (another instance, a later pass) is a no-op. */
export async function raiseAlert(db: DbOrTx, alert: OutboxAlert): Promise<void> {
  await db.insert(alertOutbox).values(alert).onConflictDoNothing({ target: alertOutbox.dedupeKey });
}

/** For a query's WHERE: no alert with this dedupe key was raised yet (the unique index answers it). */
export function notRaisedYet(dedupeKey: SQL): SQL {
  return sql`not exists (select 1 from ${alertOutbox} where ${alertOutbox.dedupeKey} = ${dedupeKey})`;
}

/** Raises those of `alerts` not raised yet, after one read of their keys (a pass that finds nothing new writes nothing). */
export async function raiseAlertsNotYetRaised(db: DbOrTx, alerts: OutboxAlert[]): Promise<number> {
  if (alerts.length === 0) return 0;
  const keys = [...new Set(alerts.map((alert) => alert.dedupeKey))];
  const raised = await db
    .select({ key: alertOutbox.dedupeKey })
    .from(alertOutbox)
    .where(inArray(alertOutbox.dedupeKey, keys));
  const already = new Set(raised.map((row) => row.key));
  let count = 0;
  for (const alert of alerts) {
    if (already.has(alert.dedupeKey)) continue;
    already.add(alert.dedupeKey);
    await raiseAlert(db, alert);
    count += 1;
  }
  return count;
}
