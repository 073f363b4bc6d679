import { and, asc, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { sandboxWebhookDeliveries } from "../db/schema";
import type { Database, DbOrTx } from "@/lib/platform/db/types";
import type { SandboxProviderName } from "./provider-names";
import type { SandboxProvider } from "./types";

export interface OutgoingWebhook {
  provider: SandboxProviderName;
  eventId: string;
  eventType: string;
  url: string;
  /** Signature and other headers, computed by the provider over exactly `body`. */
  headers: Record<string, string>;
  body: string;
}

/** Queues a delivery, due at once; call it in the transaction that changed the state it reports. */
export async function enqueueWebhook(db: DbOrTx, webhook: OutgoingWebhook, now: Date): Promise<void> {
  await db.insert(sandboxWebhookDeliveries).values({ ...webhook, nextAttemptAt: now });
}

const deliveryTimeoutMs = 10_000;
/** A claimed delivery is not picked up again for this long, even if its instance dies mid-send. */
const leaseMs = 5 * 60_000;

/**
 * Sends every due delivery. Rows are claimed in a short transaction (attempts + 1, lease), the
 * HTTP call happens outside any transaction (the receiver may be this very app on the same
 * database), and the result is written afterwards. Failures retry on the provider's schedule
 * in sandbox time; after the last retry the delivery is abandoned, as the providers do.
 */
export async function deliverDueWebhooks(
  db: Database,
  providers: Record<SandboxProviderName, SandboxProvider>,
  now: Date,
  send: typeof fetch = fetch,
): Promise<number> {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: sandboxWebhookDeliveries.id })
      .from(sandboxWebhookDeliveries)
      .where(
        and(
          isNull(sandboxWebhookDeliveries.deliveredAt),
          isNull(sandboxWebhookDeliveries.abandonedAt),
          lte(sandboxWebhookDeliveries.nextAttemptAt, now),
        ),
      )
      .orderBy(asc(sandboxWebhookDeliveries.nextAttemptAt), asc(sandboxWebhookDeliveries.id))
      .limit(25)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(sandboxWebhookDeliveries)
      .set({
        attempts: sql`${sandboxWebhookDeliveries.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + leaseMs),
      })
      .where(
        inArray(
          sandboxWebhookDeliveries.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });

  await Promise.all(
    claimed.map(async (delivery) => {
      let status: number | null = null;
      let error: string | null = null;
      try {
        const response = await send(delivery.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...delivery.headers },
          body: delivery.body,
          signal: AbortSignal.timeout(deliveryTimeoutMs),
        });
        status = response.status;
        await response.body?.cancel();
      } catch (cause) {
        error = cause instanceof Error ? cause.message : String(cause);
      }
      const ok = status !== null && status >= 200 && status < 300;
      const delays = providers[delivery.provider as SandboxProviderName]?.webhookRetryDelaysMs ?? [];
      const nextDelay = delays[delivery.attempts - 1];
      await db
        .update(sandboxWebhookDeliveries)
        .set(
          ok
            ? { deliveredAt: now, nextAttemptAt: null, lastStatus: status, lastError: null }
            : nextDelay === undefined
              ? { abandonedAt: now, nextAttemptAt: null, lastStatus: status, lastError: error ?? `HTTP ${status}` }
              : {
                  nextAttemptAt: new Date(now.getTime() + nextDelay),
                  lastStatus: status,
                  lastError: error ?? `HTTP ${status}`,
                },
        )
        .where(eq(sandboxWebhookDeliveries.id, delivery.id));
    }),
  );
  return claimed.length;
}

export async function listWebhookDeliveries(
  db: Database,
  provider?: SandboxProviderName,
  options: { newestFirst?: boolean; limit?: number } = {},
) {
  return db
    .select()
    .from(sandboxWebhookDeliveries)
    .where(provider ? eq(sandboxWebhookDeliveries.provider, provider) : undefined)
    .orderBy(options.newestFirst ? desc(sandboxWebhookDeliveries.id) : asc(sandboxWebhookDeliveries.id))
    .limit(options.limit ?? 1000);
}
