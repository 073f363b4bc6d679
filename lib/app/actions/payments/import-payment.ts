"use server";

import { revalidatePath } from "next/cache";
import { importPayment } from "@/lib/domain/payments/import-payment";
import { paymentProviderLabel } from "@/lib/integrations/providers/provider-labels";
import { describeDifference } from "@/lib/domain/payments/sync-payment";
import { paymentProviderClients } from "@/lib/integrations/providers/clients";
import { importPaymentInput } from "@/lib/app/validation/payments";
import { defineAction } from "../define-action";

export const importPaymentAction = defineAction({
  name: "importPayment",
  permission: "payments:sync",
  input: importPaymentInput,
  async run(input, { db, actor }) {
    const result = await importPayment(db, paymentProviderClients(), input, actor);
    revalidatePath("/payments");
    revalidatePath(`/payments/${result.paymentId}`);
    const label = paymentProviderLabel(result.provider);
    if (result.kind === "imported") {
      return {
        data: { paymentId: result.paymentId, alreadyInLedger: false },
        message: `Imported ${label} payment ${result.providerPaymentId} as ${result.status} (${result.amount}).`,
      };
    }
    const { sync } = result;
    const found = sync.inStep
      ? "in step with the provider"
      : sync.differences.map((d) => describeDifference(d, label)).join("; ");
    return {
      data: { paymentId: result.paymentId, alreadyInLedger: true },
      message: `Already in the ledger (${sync.status}); synced with ${label}: ${found}.`,
    };
  },
});
