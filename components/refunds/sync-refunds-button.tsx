"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { syncRefundsAction } from "@/lib/app/actions/refunds/sync-refunds";

/**
 * "Sync now": asks the provider about one refund (refundId) or about the refunds whose
 * checkboxes point at this form (formId, via the checkboxes' `form` attribute). The form is
 * never reset, so a selection survives a refusal.
 */
export function SyncRefundsButton({
  refundId,
  formId,
  label = "Sync now",
  disabled = false,
}: {
  refundId?: string;
  formId?: string;
  label?: string;
  disabled?: boolean;
}) {
  const router = useRouter();
  const { result, pending, onSubmit } = useKeptFormAction(syncRefundsAction);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <form id={formId} method="post" onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      {refundId ? <input type="hidden" name="refundIds" value={refundId} /> : null}
      <Button type="submit" variant="secondary" disabled={pending || disabled} className="min-h-7 px-2 py-0.5 text-xs">
        {pending ? "Syncing…" : label}
      </Button>
      <FormStatus result={result} />
    </form>
  );
}
