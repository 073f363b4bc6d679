"use server";

import { revalidatePath } from "next/cache";
import { appPaymentRequestDeps } from "@/lib/domain/payments/request/app-request-deps";
import { presentRequestOutcome } from "@/lib/domain/payments/request/outcome-message";
import { requestPayment } from "@/lib/domain/payments/request/request-payment";
import { requestPaymentInput } from "@/lib/domain/payments/request/request-payment-input";
import { defineAction } from "../define-action";

export const requestPaymentAction = defineAction({
  name: "requestPayment",
  permission: "payments:create",
  input: requestPaymentInput,
  async run(input, { actor }) {
    const outcome = await requestPayment(appPaymentRequestDeps(), actor, input);
    revalidatePath("/payments");
    return presentRequestOutcome(outcome);
  },
});
