"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { syncRefundsAction } from "@/lib/actions/refunds/sync-refunds";

/**
 * "Sync now": asks the provider about one refund (refundId) or about the refunds whose
 * checkboxes point at this form (formId, via the checkboxes' `form` attribute).
 */
export function SyncRefundsButton({ refundId, formId, label = "Sync now" }: { refundId?: string; formId?: string; label?: string }) {
  const router = useRouter();
  const [result, action, pending] = useActionState(syncRefundsAction, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <form id={formId} action={action} className="flex flex-wrap items-center gap-2">
      {refundId ? <input type="hidden" name="refundIds" value={refundId} /> : null}
      <Button type="submit" variant="secondary" disabled={pending} className="min-h-7 px-2 py-0.5 text-xs">
        {pending ? "Syncing…" : label}
      </Button>
      <FormStatus result={result} />
    </form>
  );
}
