import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { sandboxScheduledEvents } from "../db/schema";
import type { Database, DbOrTx } from "@/lib/platform/db/types";
import type { SandboxProviderName } from "./provider-names";
import type { SandboxProvider } from "./types";

export async function scheduleEvent(
  db: DbOrTx,
  event: { provider: SandboxProviderName; kind: string; dueAt: Date; payload: Record<string, unknown> },
): Promise<void> {
  await db.insert(sandboxScheduledEvents).values(event);
}

/**
 * Runs every event due by `now` (sandbox time), oldest first, each in its own transaction with
 * the row locked (SKIP LOCKED: several app instances may tick at once without running one twice).
 */
export async function runDueEvents(
  db: Database,
  providers: Record<SandboxProviderName, SandboxProvider>,
  ctx: { now: Date; appUrl: string },
): Promise<number> {
  let ran = 0;
  for (;;) {
    const didRun = await db.transaction(async (tx) => {
      const [event] = await tx
        .select()
        .from(sandboxScheduledEvents)
        .where(and(isNull(sandboxScheduledEvents.doneAt), lte(sandboxScheduledEvents.dueAt, ctx.now)))
        .orderBy(asc(sandboxScheduledEvents.dueAt), asc(sandboxScheduledEvents.id))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!event) return false;
      const handler = providers[event.provider as SandboxProviderName]?.events[event.kind];
      if (handler) await handler(tx, event.payload as Record<string, unknown>, ctx);
      else console.warn(`[sandbox] no handler for event ${event.provider}/${event.kind}; dropping it`);
      await tx.update(sandboxScheduledEvents).set({ doneAt: ctx.now }).where(eq(sandboxScheduledEvents.id, event.id));
      return true;
    });
    if (!didRun) return ran;
    ran += 1;
  }
}
