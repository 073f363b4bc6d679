"use client";

import { useId, useState } from "react";
import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { describedBy, Field, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { approveRefundAction } from "@/lib/app/actions/refunds/approve-refund";
import { rejectRefundAction } from "@/lib/app/actions/refunds/reject-refund";

/**
 * Approve or reject (reason required) a refund awaiting a second person; both need a fresh
 * second factor. Approving sends money at once, so it first restates what will be sent, on which
 * payment and who asked, and waits for a second click.
 */
export function ApprovalButtons({
  refundId,
  amount,
  paymentReference,
  requesterEmail,
}: {
  refundId: string;
  amount: string;
  paymentReference: string;
  requesterEmail: string | null;
}) {
  const id = useId();
  const label = `the refund of ${amount} on ${paymentReference}`;
  const [rejecting, setRejecting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const {
    result: approved,
    onSubmit: approve,
    pending: approving,
    dialog: approveStepUp,
  } = useStepUpActionState(approveRefundAction);
  const {
    result: rejected,
    onSubmit: reject,
    pending: rejectingNow,
    dialog: rejectStepUp,
  } = useStepUpActionState(rejectRefundAction);
  const reasonErrors = rejected?.ok === false ? rejected.fieldErrors?.reason : undefined;
  const done = approved?.ok === true || rejected?.ok === true;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          disabled={done}
          onClick={() => {
            setConfirming((v) => !v);
            setRejecting(false);
          }}
          aria-expanded={confirming}
          aria-controls={`${id}-approve`}
          aria-label={`Approve ${label}…`}
        >
          Approve…
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={done}
          onClick={() => {
            setRejecting((v) => !v);
            setConfirming(false);
          }}
          aria-expanded={rejecting}
          aria-controls={`${id}-reject`}
        >
          Reject…
        </Button>
      </div>
      {confirming && !done ? (
        <form
          method="post"
          onSubmit={approve}
          id={`${id}-approve`}
          className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-700"
          aria-label={`Confirm approval of ${label}`}
        >
          <input type="hidden" name="refundId" value={refundId} />
          <p className="text-sm" data-testid="approval-confirmation">
            Send {amount} back to the customer of payment {paymentReference}, as{" "}
            {requesterEmail ?? "a user no longer listed"} asked? The provider is asked at once; this cannot be undone
            here.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={approving}>
              {approving ? "Approving…" : `Yes, approve and send ${amount}`}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              Keep it waiting
            </Button>
          </div>
        </form>
      ) : null}
      {rejecting && !done ? (
        <form
          method="post"
          onSubmit={reject}
          id={`${id}-reject`}
          className="flex flex-wrap items-end gap-2"
          aria-label={`Reject ${label}`}
        >
          <input type="hidden" name="refundId" value={refundId} />
          <Field id={`${id}-reason`} label="Reason" errors={reasonErrors}>
            <TextInput
              id={`${id}-reason`}
              name="reason"
              autoComplete="off"
              errors={reasonErrors}
              aria-describedby={describedBy(`${id}-reason`, reasonErrors)}
            />
          </Field>
          <Button type="submit" variant="danger" disabled={rejectingNow}>
            {rejectingNow ? "Rejecting…" : "Reject refund"}
          </Button>
        </form>
      ) : null}
      <FormStatus result={rejected ?? approved} />
      {approveStepUp}
      {rejectStepUp}
    </div>
  );
}
