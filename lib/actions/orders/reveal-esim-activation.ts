"use server";

import { revealEsimActivation } from "@/lib/orders/esim-activation";
import { appOrderDeps } from "@/lib/orders/app-order-deps";
import { revealEsimActivationInput } from "@/lib/validation/action-inputs";
import { defineAction } from "../define-action";

export const revealEsimActivationAction = defineAction({
  name: "revealEsimActivation",
  permission: "orders:create",
  stepUp: true,
  input: revealEsimActivationInput,
  async run(input, { actor }) {
    const activation = await revealEsimActivation(appOrderDeps(), actor, input.orderId);
    return { data: activation, message: "Revealed the activation code; this reveal is in the audit log." };
  },
});
