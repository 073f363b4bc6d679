"use client";

import { useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { approveRefundAction } from "@/lib/actions/refunds/approve-refund";
import { rejectRefundAction } from "@/lib/actions/refunds/reject-refund";

/** Approve (optional note) or reject (reason required) a refund awaiting a second person. */
export function ApprovalButtons({ refundId, label }: { refundId: string; label: string }) {
  const id = useId();
  const [rejecting, setRejecting] = useState(false);
  const [approved, approve, approving] = useActionState(approveRefundAction, null);
  const [rejected, reject, rejectingNow] = useActionState(rejectRefundAction, null);
  const reasonErrors = rejected?.ok === false ? rejected.fieldErrors?.reason : undefined;
  const done = approved?.ok === true || rejected?.ok === true;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={approve}>
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
        <form action={reject} id={`${id}-reject`} className="flex flex-wrap items-end gap-2" aria-label={`Reject ${label}`}>
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
    </div>
  );
}
