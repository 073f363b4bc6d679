"use server";

import { revalidatePath } from "next/cache";
import { formatMinor } from "@/lib/platform/money/convert";
import { approveRefund } from "@/lib/domain/refunds/decide-refund";
import { approveRefundInput } from "@/lib/domain/refunds/decision-input";
import { refundStatusLabels } from "@/lib/domain/refunds/refund-status";
import { defineAction } from "../define-action";
import { appRefundDeps } from "@/lib/domain/refunds/app-refund-deps";

export const approveRefundAction = defineAction({
  name: "approveRefund",
  permission: "refunds:approve",
  input: approveRefundInput,
  stepUp: true,
  async run(input, { actor }) {
    const refund = await approveRefund(appRefundDeps(), actor, input.refundId, input.note);
    revalidatePath(`/payments/${refund.paymentId}`);
    revalidatePath("/refunds");
    return {
      data: { refundId: refund.id, status: refund.status },
      message: `Approved and sent: refund of ${formatMinor(refund.amountMinor, refund.currency)} is ${refundStatusLabels[refund.status]}.`,
    };
  },
});
