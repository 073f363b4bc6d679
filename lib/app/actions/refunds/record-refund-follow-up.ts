"use server";

import { revalidatePath } from "next/cache";
import { recordRefundFollowUpInput } from "@/lib/domain/refunds/follow-up/follow-up-input";
import { recordRefundFollowUp } from "@/lib/domain/refunds/follow-up/record-follow-up";
import { defineAction } from "../define-action";

export const recordRefundFollowUpAction = defineAction({
  name: "recordRefundFollowUp",
  permission: "refunds:create",
  input: recordRefundFollowUpInput,
  async run(input, { db, actor }) {
    await recordRefundFollowUp(db, actor, input, new Date());
    revalidatePath("/refunds");
    revalidatePath("/payments", "layout");
    return {
      data: { refundId: input.refundId },
      message:
        input.state === "done"
          ? "Recorded: the follow-up is done and the refund no longer needs action."
          : "Recorded: the follow-up is open and the refund still needs action until it is marked done.",
    };
  },
});
