import { z } from "zod";
import { refundFollowUpStates } from "@/drizzle/schema/refunds";
import { optionalTypedText, typedText } from "@/lib/app/validation/text";

/**
 * What a person did about a refund whose money never reached the customer: a note, the task
 * that follows (e.g. "Refund by bank transfer"), who does it (optional) and whether it is done.
 */
export const recordRefundFollowUpInput = z.object({
  refundId: z.uuid("must be a refund id"),
  note: typedText({ max: 1000, multiline: true }).min(1, "is required"),
  task: typedText({ max: 200 }).min(1, "is required"),
  assigneeEmail: optionalTypedText({ max: 320 }).pipe(z.email("must be an email address").optional()),
  state: z.enum(refundFollowUpStates, { error: "must be open or done" }),
});

export type RecordRefundFollowUpInput = z.output<typeof recordRefundFollowUpInput>;
