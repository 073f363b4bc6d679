"use server";

import { appOrderDeps } from "@/lib/domain/orders/app-order-deps";
import { assertMayRevealSecretsOfOrder } from "@/lib/domain/orders/code-access";
import { revealVoucherCodes, type RevealedVoucherCodes } from "@/lib/domain/orders/voucher-codes";
import { revealVoucherCodeInput } from "@/lib/app/validation/action-inputs";
import { defineAction } from "../define-action";

/** Reveals one code or all of an order's codes: the person who placed the order or an admin (enforced in revealVoucherCodes). */
export const revealVoucherCodeAction = defineAction({
  name: "revealVoucherCode",
  permission: "orders:create",
  input: revealVoucherCodeInput,
  // The placer-or-admin rule first (audited), so nobody else is asked for a second factor; the service enforces it again.
  async stepUp(input, { db, actor }) {
    await assertMayRevealSecretsOfOrder(db, actor, input.orderId, "voucher codes");
    return true;
  },
  async run(input, { actor }): Promise<{ data: RevealedVoucherCodes; message: string }> {
    const revealed = await revealVoucherCodes(appOrderDeps(), actor, input.orderId, input.codeNumber);
    const what =
      input.codeNumber === undefined
        ? `${revealed.codes.length} code${revealed.codes.length === 1 ? "" : "s"}`
        : `code ${input.codeNumber}`;
    return { data: revealed, message: `Revealed ${what}; this reveal is in the audit log.` };
  },
});
