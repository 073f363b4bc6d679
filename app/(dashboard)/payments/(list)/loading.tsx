import { PageHeader } from "@/components/ui/page-header";

/** Shown while the server renders the list (streamed): the page's frame, and a polite status for screen readers. */
export default function PaymentsLoading() {
  return (
    <>
      <PageHeader title="Payments" description="Every Checkout.com (Octopus) and OCTO payment in the ledger." />
      <div role="status" aria-live="polite" className="space-y-2">
        <span className="sr-only">Loading payments…</span>
        <div className="h-40 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800/60" aria-hidden="true" />
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-8 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" aria-hidden="true" />
        ))}
      </div>
    </>
  );
}
