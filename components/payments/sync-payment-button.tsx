"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { syncPaymentAction } from "@/lib/app/actions/payments/sync-payment";

/**
 * Re-reads one ledger payment at its provider. Shows "in step", or each difference found and
 * what became of it (forward status changes are applied; anything else is only recorded).
 */
export function SyncPaymentButton({ paymentId, label = "Sync from provider" }: { paymentId: string; label?: string }) {
  const router = useRouter();
  const [result, action, pending] = useActionState(syncPaymentAction, null);
  // A sync writes a timeline event and may move the status: show both without a reload.
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  const differences = result?.ok ? result.data.differences : [];
  return (
    <form action={action} className="space-y-2" aria-label={`Sync payment ${paymentId}`}>
      <input type="hidden" name="paymentId" value={paymentId} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Syncing…" : label}
        </Button>
        <FormStatus result={result} />
      </div>
      {differences.length ? (
        <ul
          className="list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300"
          aria-label="Differences found"
        >
          {differences.map((difference) => (
            <li key={difference}>{difference}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
