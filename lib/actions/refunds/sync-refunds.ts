"use server";

import { revalidatePath } from "next/cache";
import { appRefundDeps } from "@/lib/refunds/app-refund-deps";
import { describeSyncSummary, syncRefunds } from "@/lib/refunds/reconcile/sync-refunds";
import { syncRefundsInput } from "@/lib/validation/action-inputs";
import { defineAction } from "../define-action";

export const syncRefundsAction = defineAction({
  name: "syncRefunds",
  permission: "refunds:sync",
  input: syncRefundsInput,
  async run(input, { actor }) {
    const summary = await syncRefunds(appRefundDeps(), actor, input.refundIds);
    revalidatePath("/refunds");
    return { data: { changed: summary.changed.length, refused: summary.refused.length }, message: describeSyncSummary(summary) };
  },
});
