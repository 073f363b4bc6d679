"use server";

import { revalidatePath } from "next/cache";
import { appPaymentRequestDeps } from "@/lib/payments/request/app-request-deps";
import { presentRequestOutcome } from "@/lib/payments/request/outcome-message";
import { resumePaymentRequest } from "@/lib/payments/request/request-payment";
import { resumePaymentRequestInput } from "@/lib/validation/action-inputs";
import { defineAction } from "../define-action";

export const resumePaymentRequestAction = defineAction({
  name: "resumePaymentRequest",
  permission: "payments:create",
  input: resumePaymentRequestInput,
  async run(input, { actor }) {
    const outcome = await resumePaymentRequest(appPaymentRequestDeps(), actor, input.paymentId);
    revalidatePath(`/payments/${input.paymentId}`);
    return presentRequestOutcome(outcome);
  },
});
