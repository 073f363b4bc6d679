"use server";

import { revalidatePath } from "next/cache";
import { appPaymentRequestDeps } from "@/lib/domain/payments/request/app-request-deps";
import { presentRequestOutcome } from "@/lib/domain/payments/request/outcome-message";
import { resumePaymentRequest } from "@/lib/domain/payments/request/request-payment";
import { resumePaymentRequestInput } from "@/lib/app/validation/action-inputs";
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
