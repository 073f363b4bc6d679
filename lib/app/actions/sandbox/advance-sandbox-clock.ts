"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import { appUrl, isSandbox } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { dueRefundChecksNow } from "@/lib/domain/refunds/reconcile/due-checks-now";
import { advanceClock, tickSandbox } from "@/lib/integrations/sandbox/mount";
import { advanceByMs, advanceClockInput } from "@/lib/app/validation/sandbox";
import { defineAction } from "../define-action";
import { formatUtc } from "@/lib/platform/time/utc";

export const advanceSandboxClockAction = defineAction({
  name: "advanceSandboxClock",
  permission: "settings:manage",
  input: advanceClockInput,
  async run(input, { db, actor }) {
    if (!isSandbox) throw new AppError("NOT_FOUND", "There is no sandbox in live mode.");
    const byMs = advanceByMs(input);
    const now = await db.transaction(async (tx) => {
      const advanced = await advanceClock(tx, byMs);
      await recordAudit(tx, actor, {
        action: "sandbox.clock_advanced",
        targetType: "sandbox_clock",
        after: { byMs, now: advanced.toISOString() },
      });
      return advanced;
    });
    const ran = await tickSandbox(db, { appUrl });
    await dueRefundChecksNow(db);
    revalidatePath("/sandbox");
    return {
      data: { now: now.toISOString() },
      message: `Sandbox clock is now ${formatUtc(now, "minute")} UTC; ${ran.events} due event(s) ran, ${ran.deliveries} webhook(s) sent.`,
    };
  },
});
