import type { Metadata } from "next";
import Link from "next/link";
import { StepUpDownloadLink } from "@/components/auth/step-up-download-link";
import { OrderFiltersForm } from "@/components/orders/order-filters";
import { OrdersSummary } from "@/components/orders/orders-summary";
import { OrdersTable } from "@/components/orders/orders-table";
import { buttonClass } from "@/components/ui/button";
import { CollapsibleFilters } from "@/components/ui/collapsible-filters";
import { EmptyState } from "@/components/ui/card";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { can } from "@/lib/domain/auth/permissions";
import { getDb } from "@/lib/platform/db/client";
import { parseOrderListParams } from "@/lib/domain/orders/list/params";
import { anyOrderExists, listOrders } from "@/lib/domain/orders/list/query";
import { summarizeOrders } from "@/lib/domain/orders/list/totals";
import { displayZoneOf } from "@/lib/platform/time-zone/request-zone";
import { firstValues, withParams } from "@/lib/platform/url/search-params";
import { cursorRefused } from "@/lib/platform/lists/cursor";
import { InvalidPageLink } from "@/components/ui/invalid-page-link";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission("orders:read");
  const raw = await searchParams;
  const { filters, params, cursorParam, narrowed, error } = parseOrderListParams(raw);
  const timeZone = await displayZoneOf(firstValues(raw).tz);
  const db = getDb();
  const badCursor = cursorRefused(error);
  const [{ rows, nextCursor }, summary] = badCursor
    ? [{ rows: [], nextCursor: null }, null]
    : await Promise.all([listOrders(db, filters), summarizeOrders(db, filters)]);
  const none = rows.length === 0 && (!(narrowed || cursorParam) || !(await anyOrderExists(db)));

  return (
    <>
      <PageHeader
        title="Orders"
        description="Vouchers, topups and eSIMs ordered against the Octopus Cards wallet."
        actions={
          <div className="flex flex-wrap gap-2">
            {can(user.role, "orders:create") ? (
              <Link href="/orders/new" className={buttonClass("primary")}>
                New order
              </Link>
            ) : null}
            <StepUpDownloadLink href={withParams("/api/orders/export", params)} className={buttonClass("secondary")}>
              Export CSV
            </StepUpDownloadLink>
            <StepUpDownloadLink
              href={withParams("/api/orders/export/totals", params)}
              className={buttonClass("secondary")}
            >
              Export control totals
            </StepUpDownloadLink>
          </div>
        }
      />
      <CollapsibleFilters activeCount={Object.keys(params).length}>
        <OrderFiltersForm params={params} />
      </CollapsibleFilters>
      <IgnoredFilters error={error} except={badCursor ? ["cursor"] : []} />
      {summary && !none ? <OrdersSummary summary={summary} /> : null}
      {badCursor ? (
        <InvalidPageLink firstPageHref={withParams("/orders", params)} />
      ) : rows.length > 0 ? (
        <OrdersTable rows={rows} timeZone={timeZone} />
      ) : none ? (
        <EmptyState title="No orders yet.">Orders appear here when a voucher, topup or eSIM is ordered.</EmptyState>
      ) : (
        <EmptyState title="No order matches these filters.">
          <Link href="/orders" className="text-indigo-700 underline dark:text-indigo-300">
            Clear filters
          </Link>{" "}
          to see every order.
        </EmptyState>
      )}
      <KeysetPager
        path="/orders"
        filters={params}
        cursor={cursorParam}
        nextCursor={nextCursor}
        firstLabel="First page"
        olderLabel="Next page"
      />
    </>
  );
}
