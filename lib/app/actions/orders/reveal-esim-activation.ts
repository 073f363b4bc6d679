"use server";

import { revealEsimActivation } from "@/lib/domain/orders/esim-activation";
import { appOrderDeps } from "@/lib/domain/orders/app-order-deps";
import { assertMayRevealSecretsOfOrder } from "@/lib/domain/orders/code-access";
import { revealEsimActivationInput } from "@/lib/app/validation/action-inputs";
import { defineAction } from "../define-action";

export const revealEsimActivationAction = defineAction({
  name: "revealEsimActivation",
  permission: "orders:create",
  // The placer-or-admin rule first (audited), so nobody else is asked for a second factor; the service enforces it again.
  async stepUp(input, { db, actor }) {
    await assertMayRevealSecretsOfOrder(db, actor, input.orderId, "eSIM activation code");
    return true;
  },
  input: revealEsimActivationInput,
  async run(input, { actor }) {
    const activation = await revealEsimActivation(appOrderDeps(), actor, input.orderId);
    return { data: activation, message: "Revealed the activation code; this reveal is in the audit log." };
  },
});
