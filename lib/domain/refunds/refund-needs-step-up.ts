import { eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import type { DbOrTx } from "@/lib/platform/db/types";
import { amountFieldToMinor } from "@/lib/app/validation/amount-field";
import { approvalThresholdOf } from "./approval-thresholds";
import { refundableMinorOf } from "./refund-rules";
import type { IssueRefundInput } from "./refund-input";

/**
 * Step-up applies to the refunds that need a second person: above the currency's approval
 * threshold, read as issueRefund reads it. The amount is computed the same way (a full refund
 * takes what is refundable now); an unknown payment or an unreadable amount is left to
 * issueRefund to refuse, since nothing can move. A large amount that breaks a provider rule still
 * asks first: the rules depend on other refunds in flight, which may change before the row lock.
 */
export async function refundNeedsStepUp(db: DbOrTx, input: IssueRefundInput): Promise<boolean> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, input.paymentId)).limit(1);
  if (!payment) return false;
  let amountMinor: bigint;
  try {
    amountMinor =
      input.kind === "full"
        ? refundableMinorOf(payment)
        : amountFieldToMinor(input.amount ?? "", payment.currency, "refund");
  } catch {
    return false;
  }
  if (amountMinor <= 0n) return false;
  return amountMinor > (await approvalThresholdOf(db, payment.currency));
}
