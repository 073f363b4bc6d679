"use server";

import { revalidatePath } from "next/cache";
import { formatMinor } from "@/lib/platform/money/convert";
import { issueRefund } from "@/lib/domain/refunds/issue-refund";
import { issueRefundInput } from "@/lib/domain/refunds/refund-input";
import { refundNeedsStepUp } from "@/lib/domain/refunds/refund-needs-step-up";
import { refundStatusLabels, type RefundStatus } from "@/lib/domain/refunds/refund-status";
import { defineAction } from "../define-action";
import { appRefundDeps } from "@/lib/domain/refunds/app-refund-deps";

export interface IssuedRefund {
  refundId: string;
  status: RefundStatus;
  /** The provider refused it (a definite answer): the dialog mints a new key for the next try. */
  refused: boolean;
}

export const issueRefundAction = defineAction({
  name: "issueRefund",
  permission: "refunds:create",
  input: issueRefundInput,
  stepUp: (input, { db }) => refundNeedsStepUp(db, input),
  async run(input, { actor }) {
    const outcome = await issueRefund(appRefundDeps(), actor, input);
    const { refund } = outcome;
    revalidatePath(`/payments/${refund.paymentId}`);
    revalidatePath("/refunds");
    const amount = formatMinor(refund.amountMinor, refund.currency);
    const status = refundStatusLabels[refund.status];
    const message =
      outcome.kind === "awaiting_approval"
        ? `Refund of ${amount} is above the approval threshold: it waits for another finance user or admin to approve it.`
        : outcome.kind === "replay"
          ? `This refund was already submitted: ${amount}, ${status}. Nothing new was sent.`
          : refund.status === "failed"
            ? `The provider refused the refund of ${amount}${refund.providerStatus ? ` (${refund.providerStatus})` : ""}. Nothing was refunded.`
            : refund.status === "unknown"
              ? `Refund of ${amount} sent, but the provider's answer did not arrive. Its money stays reserved; it is checked again with the same key.`
              : `Refund of ${amount} sent: ${status}.`;
    return {
      data: { refundId: refund.id, status: refund.status, refused: refund.status === "failed" } satisfies IssuedRefund,
      message,
    };
  },
});
