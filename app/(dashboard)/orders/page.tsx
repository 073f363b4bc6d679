import type { Metadata } from "next";
import Link from "next/link";
import { StepUpDownloadLink } from "@/components/auth/step-up-download-link";
import { OrderFiltersForm } from "@/components/orders/order-filters";
import { OrdersTable } from "@/components/orders/orders-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { parseOrderListParams } from "@/lib/orders/list/params";
import { anyOrderExists, listOrders } from "@/lib/orders/list/query";
import { withParams } from "@/lib/url/search-params";
import { cursorRefused } from "@/lib/payments/list/cursor";
import { InvalidPageLink } from "@/components/ui/invalid-page-link";

export const metadata: Metadata = { title: "Orders" };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("orders:read");
  const { filters, params, cursorParam, narrowed, error } = parseOrderListParams(await searchParams);
  const db = getDb();
  const badCursor = cursorRefused(error);
  const { rows, nextCursor } = badCursor ? { rows: [], nextCursor: null } : await listOrders(db, filters);
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
          </div>
        }
      />
      <OrderFiltersForm params={params} />
      <IgnoredFilters error={error} except={badCursor ? ["cursor"] : []} />
      {badCursor ? (
        <InvalidPageLink firstPageHref={withParams("/orders", params)} />
      ) : rows.length > 0 ? (
        <OrdersTable rows={rows} />
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
      <KeysetPager path="/orders" filters={params} cursor={cursorParam} nextCursor={nextCursor} firstLabel="First page" olderLabel="Next page" />
    </>
  );
}
