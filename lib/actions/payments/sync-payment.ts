"use server";

import { revalidatePath } from "next/cache";
import { providerLabels } from "@/lib/payments/provider-snapshot";
import { describeDifference, syncPayment } from "@/lib/payments/sync-payment";
import { checkoutClient, octoClient } from "@/lib/providers/clients";
import { syncPaymentSchema } from "@/lib/validation/payments";
import { defineAction } from "../define-action";

export const syncPaymentAction = defineAction({
  name: "syncPayment",
  permission: "payments:sync",
  input: syncPaymentSchema,
  async run(input, { db, actor }) {
    const result = await syncPayment(db, { checkout: checkoutClient(), octo: octoClient() }, input.paymentId, actor);
    revalidatePath("/payments");
    revalidatePath(`/payments/${result.paymentId}`);
    const label = providerLabels[result.provider];
    const differences = result.differences.map((d) => describeDifference(d, label));
    return {
      data: { inStep: result.inStep, status: result.status, differences },
      message: result.inStep ? `In step with ${label} (${result.status}).` : `${differences.length} difference(s) with ${label}; the ledger is now ${result.status}.`,
    };
  },
});
