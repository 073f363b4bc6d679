import type { Metadata } from "next";
import Link from "next/link";
import { StepUpDownloadLink } from "@/components/auth/step-up-download-link";
import { PaymentFiltersForm } from "@/components/payments/payment-filters";
import { PaymentsTable } from "@/components/payments/payments-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { parsePaymentListParams } from "@/lib/payments/list/params";
import { anyPaymentExists, listPayments } from "@/lib/payments/list/query";
import { withParams } from "@/lib/url/search-params";
import { cursorRefused } from "@/lib/payments/list/cursor";
import { InvalidPageLink } from "@/components/ui/invalid-page-link";

export const metadata: Metadata = { title: "Payments" };

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("payments:read");
  const { filters, params, cursorParam, narrowed, error } = parsePaymentListParams(await searchParams);
  const db = getDb();
  const badCursor = cursorRefused(error);
  const { rows, nextCursor } = badCursor ? { rows: [], nextCursor: null } : await listPayments(db, filters);
  // Only an empty page asks whether the ledger has any payment at all (one indexed row).
  const ledgerEmpty = rows.length === 0 && (!(narrowed || cursorParam) || !(await anyPaymentExists(db)));

  return (
    <>
      <PageHeader
        title="Payments"
        description="Every Checkout.com (Octopus) and OCTO payment in the ledger."
        actions={
          <div className="flex flex-wrap gap-2">
            {can(user.role, "payments:create") ? (
              <Link href="/payments/new" className={buttonClass("primary")}>
                Request payment
              </Link>
            ) : null}
            {can(user.role, "payments:sync") ? (
              <Link href="/payments/import" className={buttonClass("secondary")}>
                Import by id
              </Link>
            ) : null}
            <StepUpDownloadLink href={withParams("/api/payments/export", params)} className={buttonClass("secondary")}>
              Export CSV
            </StepUpDownloadLink>
          </div>
        }
      />
      <PaymentFiltersForm params={params} />
      <IgnoredFilters error={error} except={badCursor ? ["cursor"] : []} />
      {badCursor ? (
        <InvalidPageLink firstPageHref={withParams("/payments", params)} />
      ) : rows.length > 0 ? (
        <PaymentsTable rows={rows} timeZone={filters.timeZone} sort={filters.sort} />
      ) : ledgerEmpty ? (
        <EmptyState title="No payments yet.">Payments appear here when one is requested, imported by id, or reported by a provider&apos;s webhook.</EmptyState>
      ) : (
        <EmptyState title="No payment matches these filters.">
          <Link href="/payments" className="text-indigo-700 underline dark:text-indigo-300">
            Clear filters
          </Link>{" "}
          to see every payment.
        </EmptyState>
      )}
      <KeysetPager path="/payments" filters={params} cursor={cursorParam} nextCursor={nextCursor} firstLabel="First page" olderLabel="Next page" />
    </>
  );
}
