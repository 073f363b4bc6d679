"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { appRefundDeps } from "@/lib/refunds/app-refund-deps";
import { describeSyncSummary, syncRefunds } from "@/lib/refunds/reconcile/sync-refunds";
import { defineAction } from "../define-action";

const refundIds = z
  .union([z.uuid("must be refund ids"), z.array(z.uuid("must be refund ids"))], { error: "must be refund ids" })
  .transform((value) => [...new Set(Array.isArray(value) ? value : [value])])
  .refine((ids) => ids.length >= 1 && ids.length <= 50, "must name between 1 and 50 refunds");

export const syncRefundsAction = defineAction({
  name: "syncRefunds",
  permission: "refunds:sync",
  input: z.object({ refundIds }),
  async run(input, { actor }) {
    const summary = await syncRefunds(appRefundDeps(), actor, input.refundIds);
    revalidatePath("/refunds");
    return { data: { changed: summary.changed.length, refused: summary.refused.length }, message: describeSyncSummary(summary) };
  },
});
