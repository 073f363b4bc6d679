import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/card";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { ReceiptFiltersForm } from "@/components/webhooks/receipt-filters";
import { ReceiptsTable } from "@/components/webhooks/receipts-table";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { firstValues, withParams } from "@/lib/url/search-params";
import { cursorRefused } from "@/lib/payments/list/cursor";
import { parseFilterFields } from "@/lib/validation/parse-filters";
import { InvalidPageLink } from "@/components/ui/invalid-page-link";
import { receiptFiltersSchema, type ReceiptFilters } from "@/lib/validation/webhooks";
import { listReceipts } from "@/lib/webhooks/list-receipts";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("webhooks:read");
  const parsed = parseFilterFields(receiptFiltersSchema, firstValues(await searchParams));
  const filters: ReceiptFilters = parsed.data;
  const badCursor = cursorRefused(parsed.error);
  const { rows, nextCursor } = badCursor ? { rows: [], nextCursor: null } : await listReceipts(getDb(), filters);
  const { cursor, ...withoutCursor } = filters;
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Every provider webhook delivery received: its signature verdict, what became of it, and the raw body exactly as it arrived."
      />
      <ReceiptFiltersForm filters={filters} />
      <IgnoredFilters error={parsed.error} except={["cursor"]} />
      {badCursor ? <InvalidPageLink firstPageHref={withParams("/webhooks", withoutCursor)} /> : rows.length === 0 ? <EmptyState title="No webhook deliveries match these filters." /> : <ReceiptsTable rows={rows} />}
      <KeysetPager path="/webhooks" filters={withoutCursor} cursor={cursor} nextCursor={nextCursor} olderLabel="Older deliveries" />
    </>
  );
}
