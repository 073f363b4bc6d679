import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PaymentsTable } from "@/components/payments/payments-table";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/lib/platform/env";
import { staticPaymentRows } from "@/lib/tooling/bench/static-payment-rows";

export const metadata: Metadata = { title: "Payments (static benchmark floor)" };
export const dynamic = "force-dynamic";

/**
 * Benchmark floor only (npm run bench:server): the payments table with 50 fixed rows and no
 * database or session, rendered per request by the same server, so the list page's cost can be
 * compared with pure rendering. It does not exist unless the server runs with BENCH_PAGES=1.
 */
export default function StaticPaymentsBenchPage() {
  if (env.BENCH_PAGES !== "1") notFound();
  return (
    <main className="mx-auto max-w-7xl p-6">
      <PageHeader title="Payments" description="Every Checkout.com (Octopus) and OCTO payment in the ledger." />
      <PaymentsTable rows={staticPaymentRows} timeZone="UTC" sort="newest" />
      <KeysetPager
        path="/bench/static-payments"
        filters={{}}
        cursor={undefined}
        nextCursor="bench"
        firstLabel="First page"
        olderLabel="Next page"
      />
    </main>
  );
}
