import type { Metadata } from "next";
import Link from "next/link";
import { StepUpDownloadLink } from "@/components/auth/step-up-download-link";
import { PaymentFiltersForm } from "@/components/payments/payment-filters";
import { PaymentsSummary } from "@/components/payments/payments-summary";
import { PaymentsTable } from "@/components/payments/payments-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { can } from "@/lib/domain/auth/permissions";
import { getDb } from "@/lib/platform/db/client";
import { parsePaymentListParams } from "@/lib/domain/payments/list/params";
import { ledgerCurrencies } from "@/lib/domain/payments/list/currencies";
import { anyPaymentExists, listPayments } from "@/lib/domain/payments/list/query";
import { summarizePayments } from "@/lib/domain/payments/list/summary";
import { withParams } from "@/lib/platform/url/search-params";
import { cursorRefused } from "@/lib/platform/lists/cursor";
import { InvalidPageLink } from "@/components/ui/invalid-page-link";
import { withRememberedZone } from "@/lib/platform/time-zone/request-zone";

export const metadata: Metadata = { title: "Payments" };

export default async function PaymentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission("payments:read");
  const { filters, params, cursorParam, narrowed, error } = parsePaymentListParams(
    await withRememberedZone(await searchParams),
  );
  const db = getDb();
  const badCursor = cursorRefused(error);
  const [page, summary, currencies] = await Promise.all([
    badCursor ? { rows: [], nextCursor: null, previousCursor: null } : listPayments(db, filters),
    badCursor ? null : summarizePayments(db, filters),
    ledgerCurrencies(db),
  ]);
  const { rows, nextCursor, previousCursor } = page;
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
      <PaymentFiltersForm params={params} currencies={currencies} />
      <IgnoredFilters error={error} except={badCursor ? ["cursor"] : []} />
      {summary && rows.length > 0 ? <PaymentsSummary summary={summary} /> : null}
      {badCursor ? (
        <InvalidPageLink firstPageHref={withParams("/payments", params)} />
      ) : rows.length > 0 ? (
        <PaymentsTable rows={rows} timeZone={filters.timeZone} sort={filters.sort} />
      ) : ledgerEmpty ? (
        <EmptyState title="No payments yet.">
          Payments appear here when one is requested, imported by id, or reported by a provider&apos;s webhook.
        </EmptyState>
      ) : (
        <EmptyState title="No payment matches these filters.">
          <Link href="/payments" className="text-indigo-700 underline dark:text-indigo-300">
            Clear filters
          </Link>{" "}
          to see every payment.
        </EmptyState>
      )}
      <KeysetPager
        path="/payments"
        filters={params}
        cursor={cursorParam}
        nextCursor={nextCursor}
        previousCursor={previousCursor}
        firstLabel="First page"
        olderLabel="Next page"
      />
    </>
  );
}
