"use server";

import { revalidatePath } from "next/cache";
import { appRefundDeps } from "@/lib/domain/refunds/app-refund-deps";
import { describeSyncSummary, syncFailedEntirely, syncRefunds } from "@/lib/domain/refunds/reconcile/sync-refunds";
import { AppError } from "@/lib/platform/errors";
import { syncRefundsInput } from "@/lib/app/validation/action-inputs";
import { defineAction } from "../define-action";

export const syncRefundsAction = defineAction({
  name: "syncRefunds",
  permission: "refunds:sync",
  input: syncRefundsInput,
  async run(input, { actor }) {
    const summary = await syncRefunds(appRefundDeps(), actor, input.refundIds);
    revalidatePath("/refunds");
    // A check the provider did not answer is a failure, never "unchanged".
    if (syncFailedEntirely(summary)) throw new AppError("PROVIDER_ERROR", describeSyncSummary(summary));
    return {
      data: { changed: summary.changed.length, refused: summary.refused.length, failed: summary.failed.length },
      message: describeSyncSummary(summary),
    };
  },
});
