import { z } from "zod";
import { typedAmountText } from "@/lib/platform/money/convert";
import { optionalTypedText, typedText } from "@/lib/app/validation/text";
import { refundReasons } from "@/drizzle/schema/refunds";

export const refundReasonLabels: Record<(typeof refundReasons)[number], string> = {
  duplicate: "Duplicate payment",
  customer_request: "Customer request",
  fraud: "Fraud",
  product_issue: "Product or service issue",
  other: "Other (note required)",
};

/**
 * The refund dialog. A partial refund's amount is typed in major units and converted on the
 * server with the payment's currency; a full refund takes whatever is still refundable at the
 * moment the payment row is locked. The key is minted with the dialog.
 */
export const issueRefundInput = z
  .object({
    paymentId: z.uuid("must be a payment id"),
    kind: z.enum(["full", "partial"], { error: "must be full or partial" }),
    amount: typedText({ max: 40 }).optional(),
    reason: z.enum(refundReasons, { error: "must be one of the listed reasons" }),
    note: optionalTypedText({ max: 500, multiline: true }),
    idempotencyKey: z.uuid("is missing or malformed; reopen the dialog"),
  })
  .check((ctx) => {
    const { kind, amount, reason, note } = ctx.value;
    if (kind === "partial" && !amount)
      ctx.issues.push({ code: "custom", path: ["amount"], message: "is required for a partial refund", input: amount });
    if (kind === "partial" && amount && typedAmountText(amount) === null) {
      ctx.issues.push({
        code: "custom",
        path: ["amount"],
        message: "must be a number such as 125.50 or 1,250.00",
        input: amount,
      });
    }
    if (reason === "other" && !note)
      ctx.issues.push({
        code: "custom",
        path: ["note"],
        message: 'is required when the reason is "Other"',
        input: note,
      });
  });

export type IssueRefundInput = z.output<typeof issueRefundInput>;
