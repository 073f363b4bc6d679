"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit/record-audit";
import { appUrl, isSandbox } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { advanceClock } from "@/lib/sandbox/core/clock";
import { sandboxTick } from "@/lib/sandbox/core/tick";
import { sandboxProviders } from "@/lib/sandbox/registry";
import { advanceByMs, advanceClockSchema } from "@/lib/validation/sandbox";
import { defineAction } from "../define-action";

export const advanceSandboxClockAction = defineAction({
  name: "advanceSandboxClock",
  permission: "settings:manage",
  input: advanceClockSchema,
  async run(input, { db, actor }) {
    if (!isSandbox) throw new AppError("NOT_FOUND", "There is no sandbox in live mode.");
    const byMs = advanceByMs(input);
    const now = await db.transaction(async (tx) => {
      const advanced = await advanceClock(tx, byMs);
      await recordAudit(tx, actor, { action: "sandbox.clock_advanced", targetType: "sandbox_clock", after: { byMs, now: advanced.toISOString() } });
      return advanced;
    });
    const ran = await sandboxTick(db, sandboxProviders, { appUrl });
    revalidatePath("/sandbox");
    return {
      data: { now: now.toISOString() },
      message: `Sandbox clock is now ${now.toISOString().replace("T", " ").slice(0, 16)} UTC; ${ran.events} due event(s) ran, ${ran.deliveries} webhook(s) sent.`,
    };
  },
});
