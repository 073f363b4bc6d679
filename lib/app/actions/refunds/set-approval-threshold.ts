"use server";

import { revalidatePath } from "next/cache";
import { formatMinor } from "@/lib/platform/money/convert";
import { setApprovalThresholdInput } from "@/lib/domain/refunds/decision-input";
import { setApprovalThreshold } from "@/lib/domain/refunds/set-approval-threshold";
import { defineAction } from "../define-action";

export const setApprovalThresholdAction = defineAction({
  name: "setApprovalThreshold",
  permission: "settings:manage",
  input: setApprovalThresholdInput,
  stepUp: true,
  async run(input, { db, actor }) {
    const saved = await setApprovalThreshold(db, actor, input);
    revalidatePath("/settings");
    return {
      data: { currency: saved.currency, amountMinor: saved.amountMinor.toString() },
      message: `Refunds above ${formatMinor(saved.amountMinor, saved.currency)} now need a second person's approval.`,
    };
  },
});
