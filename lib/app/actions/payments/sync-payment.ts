"use server";

import { revalidatePath } from "next/cache";
import { paymentProviderLabel } from "@/lib/integrations/providers/provider-labels";
import { describeDifference, syncPayment } from "@/lib/domain/payments/sync-payment";
import { paymentProviderClients } from "@/lib/integrations/providers/clients";
import { syncPaymentInput } from "@/lib/app/validation/payments";
import { defineAction } from "../define-action";

export const syncPaymentAction = defineAction({
  name: "syncPayment",
  permission: "payments:sync",
  input: syncPaymentInput,
  async run(input, { db, actor }) {
    const result = await syncPayment(db, paymentProviderClients(), input.paymentId, actor);
    revalidatePath("/payments");
    revalidatePath(`/payments/${result.paymentId}`);
    const label = paymentProviderLabel(result.provider);
    const differences = result.differences.map((d) => describeDifference(d, label));
    return {
      data: { inStep: result.inStep, status: result.status, differences },
      message: result.inStep
        ? `In step with ${label} (${result.status}).`
        : `${differences.length} difference(s) with ${label}; the ledger is now ${result.status}.`,
    };
  },
});
