"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { resumePaymentRequestAction } from "@/lib/app/actions/payments/resume-payment-request";

/** Sends an unanswered request again with its original key; the provider returns what it made. */
export function ResumeRequestButton({ paymentId }: { paymentId: string }) {
  const router = useRouter();
  const [result, action, pending] = useActionState(resumePaymentRequestAction, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="paymentId" value={paymentId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Resuming…" : "Resume request"}
      </Button>
      <FormStatus result={result} />
    </form>
  );
}
