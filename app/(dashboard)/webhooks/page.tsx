import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ReceiptFiltersForm } from "@/components/webhooks/receipt-filters";
import { ReceiptsTable } from "@/components/webhooks/receipts-table";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { firstValues, withParams } from "@/lib/url/search-params";
import { receiptFiltersSchema, type ReceiptFilters } from "@/lib/validation/webhooks";
import { listReceipts } from "@/lib/webhooks/list-receipts";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("webhooks:read");
  const parsed = receiptFiltersSchema.safeParse(firstValues(await searchParams));
  const filters: ReceiptFilters = parsed.success ? parsed.data : {};
  const { rows, nextCursor } = await listReceipts(getDb(), filters);
  const { cursor, ...withoutCursor } = filters;
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Every provider webhook delivery received: its signature verdict, what became of it, and the raw body exactly as it arrived."
      />
      <ReceiptFiltersForm filters={filters} />
      {!parsed.success ? (
        <p role="alert" className="mb-4 text-sm text-red-600 dark:text-red-400">
          Some filters were ignored: {parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}.
        </p>
      ) : null}
      {rows.length === 0 ? <EmptyState title="No webhook deliveries match these filters." /> : <ReceiptsTable rows={rows} />}
      <div className="mt-4 flex gap-2">
        {cursor ? (
          <Link href={withParams("/webhooks", withoutCursor)} className={buttonClass("secondary")}>
            Newest
          </Link>
        ) : null}
        {nextCursor ? (
          <Link href={withParams("/webhooks", { ...withoutCursor, cursor: nextCursor })} className={buttonClass("secondary")}>
            Older deliveries
          </Link>
        ) : null}
      </div>
    </>
  );
}
