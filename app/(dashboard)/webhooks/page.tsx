import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/card";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { ReceiptFiltersForm } from "@/components/webhooks/receipt-filters";
import { CollapsibleFilters } from "@/components/ui/collapsible-filters";
import { ReceiptsTable } from "@/components/webhooks/receipts-table";
import { ReceiptViewTabs } from "@/components/webhooks/receipt-view-tabs";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { getDb } from "@/lib/platform/db/client";
import { firstValues, withParams } from "@/lib/platform/url/search-params";
import { cursorRefused } from "@/lib/platform/lists/cursor";
import { parseFilterFields } from "@/lib/app/validation/parse-filters";
import { InvalidPageLink } from "@/components/ui/invalid-page-link";
import { receiptFiltersSchema, type ReceiptFilters } from "@/lib/app/validation/webhooks";
import { listReceipts } from "@/lib/domain/webhooks/list-receipts";
import { rejectionsInLastHour } from "@/lib/domain/webhooks/rejection-budget";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePagePermission("webhooks:read");
  const parsed = parseFilterFields(receiptFiltersSchema, firstValues(await searchParams));
  const filters: ReceiptFilters = parsed.data;
  const badCursor = cursorRefused(parsed.error);
  const [{ rows, nextCursor }, lastHour] = await Promise.all([
    badCursor ? Promise.resolve({ rows: [], nextCursor: null }) : listReceipts(getDb(), filters),
    rejectionsInLastHour(getDb(), filters.provider),
  ]);
  const { cursor, ...withoutCursor } = filters;
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Provider webhook deliveries received: their signature verdict, what became of them, and their body with every code, PIN, activation code and credential redacted."
      />
      <ReceiptViewTabs signature={filters.signature} />
      {lastHour.notStored > 0 ? (
        <p className="mb-4 text-sm text-amber-800 dark:text-amber-300" data-testid="rejections-not-stored">
          {lastHour.notStored.toLocaleString("en")} more refused {lastHour.notStored === 1 ? "delivery" : "deliveries"}{" "}
          in the last hour {lastHour.notStored === 1 ? "was" : "were"} counted, not stored.
        </p>
      ) : null}
      <CollapsibleFilters activeCount={Object.values(withoutCursor).filter(Boolean).length}>
        <ReceiptFiltersForm filters={filters} />
      </CollapsibleFilters>
      <IgnoredFilters error={parsed.error} except={["cursor"]} />
      {badCursor ? (
        <InvalidPageLink firstPageHref={withParams("/webhooks", withoutCursor)} />
      ) : rows.length === 0 ? (
        <EmptyState title="No webhook deliveries match these filters." />
      ) : (
        <ReceiptsTable rows={rows} />
      )}
      <KeysetPager
        path="/webhooks"
        filters={withoutCursor}
        cursor={cursor}
        nextCursor={nextCursor}
        olderLabel="Older deliveries"
      />
    </>
  );
}
