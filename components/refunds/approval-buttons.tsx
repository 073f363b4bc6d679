"use client";

import { useId, useState } from "react";
import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { describedBy, Field, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { approveRefundAction } from "@/lib/actions/refunds/approve-refund";
import { rejectRefundAction } from "@/lib/actions/refunds/reject-refund";

/** Approve (optional note) or reject (reason required) a refund awaiting a second person; both need a fresh second factor. */
export function ApprovalButtons({ refundId, label }: { refundId: string; label: string }) {
  const id = useId();
  const [rejecting, setRejecting] = useState(false);
  const { result: approved, onSubmit: approve, pending: approving, dialog: approveStepUp } = useStepUpActionState(approveRefundAction);
  const { result: rejected, onSubmit: reject, pending: rejectingNow, dialog: rejectStepUp } = useStepUpActionState(rejectRefundAction);
  const reasonErrors = rejected?.ok === false ? rejected.fieldErrors?.reason : undefined;
  const done = approved?.ok === true || rejected?.ok === true;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form method="post" onSubmit={approve}>
          <input type="hidden" name="refundId" value={refundId} />
          <Button type="submit" disabled={approving || done} aria-label={`Approve ${label}`}>
            {approving ? "Approving…" : "Approve"}
          </Button>
        </form>
        <Button type="button" variant="secondary" disabled={done} onClick={() => setRejecting((v) => !v)} aria-expanded={rejecting} aria-controls={`${id}-reject`}>
          Reject…
        </Button>
      </div>
      {rejecting && !done ? (
        <form method="post" onSubmit={reject} id={`${id}-reject`} className="flex flex-wrap items-end gap-2" aria-label={`Reject ${label}`}>
          <input type="hidden" name="refundId" value={refundId} />
          <Field id={`${id}-reason`} label="Reason" errors={reasonErrors}>
            <TextInput id={`${id}-reason`} name="reason" autoComplete="off" errors={reasonErrors} aria-describedby={describedBy(`${id}-reason`, reasonErrors)} />
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
