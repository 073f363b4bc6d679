"use server";

import { revalidatePath } from "next/cache";
import { rejectRefund } from "@/lib/domain/refunds/decide-refund";
import { rejectRefundInput } from "@/lib/domain/refunds/decision-input";
import { defineAction } from "../define-action";
import { appRefundDeps } from "@/lib/domain/refunds/app-refund-deps";

export const rejectRefundAction = defineAction({
  name: "rejectRefund",
  permission: "refunds:approve",
  input: rejectRefundInput,
  stepUp: true,
  async run(input, { actor }) {
    await rejectRefund(appRefundDeps(), actor, input.refundId, input.reason);
    revalidatePath("/refunds");
    revalidatePath("/payments", "layout");
    return { data: { refundId: input.refundId }, message: "Refund rejected; nothing was reserved or sent." };
  },
});
