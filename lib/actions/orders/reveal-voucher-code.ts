"use server";

import { appOrderDeps } from "@/lib/orders/app-order-deps";
import { revealVoucherCodes } from "@/lib/orders/voucher-codes";
import { revealVoucherCodeInput } from "@/lib/validation/action-inputs";
import { defineAction } from "../define-action";

export const revealVoucherCodeAction = defineAction({
  name: "revealVoucherCode",
  permission: "orders:create",
  input: revealVoucherCodeInput,
  stepUp: true,
  async run(input, { actor }) {
    const codes = await revealVoucherCodes(appOrderDeps(), actor, input.orderId);
    return { data: { codes }, message: `Revealed ${codes.length} code${codes.length === 1 ? "" : "s"}; this reveal is in the audit log.` };
  },
});
