import { z } from "zod";
import { typedAmountInput } from "@/lib/app/validation/amount-field";
import { optionalTypedText, typedText } from "@/lib/app/validation/text";
import { currencyExponents } from "@/lib/platform/money/currency";

const optionalText = optionalTypedText({ max: 500, multiline: true });

/** A checker approves a refund awaiting approval (the note is optional). */
export const approveRefundInput = z.object({ refundId: z.uuid("must be a refund id"), note: optionalText });

/** A checker rejects a refund awaiting approval: the reason is required and recorded on the refund. */
export const rejectRefundInput = z.object({
  refundId: z.uuid("must be a refund id"),
  reason: typedText({ max: 500, multiline: true }).min(1, "is required"),
});

const currencies = Object.keys(currencyExponents) as [
  keyof typeof currencyExponents,
  ...(keyof typeof currencyExponents)[],
];

/** An admin sets the amount (major units, converted with the currency) above which refunds need a second person. */
export const setApprovalThresholdInput = z.object({
  currency: z.enum(currencies, { error: "must be a supported currency" }),
  amount: typedAmountInput("5000.00 or 1,500.00"),
});

export type SetApprovalThresholdInput = z.output<typeof setApprovalThresholdInput>;
