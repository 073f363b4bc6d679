import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { alertChannelPreferences } from "@/drizzle/schema/alert-channels";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import type { Database, DbOrTx } from "@/lib/platform/db/types";

export const setAlertEmailInput = z.object({
  enabled: z.enum(["on", "off"], { error: "must be on or off" }).transform((value) => value === "on"),
});

/** Alert email is on for everyone until they turn it off. */
export async function alertEmailOn(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabled: alertChannelPreferences.enabled })
    .from(alertChannelPreferences)
    .where(and(eq(alertChannelPreferences.userId, userId), eq(alertChannelPreferences.channel, "email")));
  return row?.enabled ?? true;
}

/** A person's own choice, with its audit row. */
export async function setAlertEmail(
  db: Database,
  actor: AuditActor,
  userId: string,
  enabled: boolean,
  now = new Date(),
) {
  await db.transaction(async (tx) => {
    const before = await alertEmailOn(tx, userId);
    await tx
      .insert(alertChannelPreferences)
      .values({ userId, channel: "email", enabled, updatedAt: now })
      .onConflictDoUpdate({
        target: [alertChannelPreferences.userId, alertChannelPreferences.channel],
        set: { enabled, updatedAt: now },
      });
    await recordAudit(tx, actor, {
      action: "alert_email.set",
      targetType: "user",
      targetId: userId,
      before: { enabled: before },
      after: { enabled },
    });
  });
}
