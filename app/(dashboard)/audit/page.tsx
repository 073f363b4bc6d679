import type { Metadata } from "next";
import { AuditFiltersForm } from "@/components/audit/audit-filters";
import { CollapsibleFilters } from "@/components/ui/collapsible-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { EmptyState } from "@/components/ui/card";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { listAudit } from "@/lib/domain/audit/list-audit";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { getDb } from "@/lib/platform/db/client";
import { firstValues, withParams } from "@/lib/platform/url/search-params";
import { cursorRefused } from "@/lib/platform/lists/cursor";
import { parseFilterFields } from "@/lib/app/validation/parse-filters";
import { InvalidPageLink } from "@/components/ui/invalid-page-link";
import { auditFiltersSchema, type AuditFilters } from "@/lib/app/validation/audit";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePagePermission("audit:read");
  const parsed = parseFilterFields(auditFiltersSchema, firstValues(await searchParams));
  const filters: AuditFilters = parsed.data;
  const badCursor = cursorRefused(parsed.error);
  const { rows, nextCursor } = badCursor ? { rows: [], nextCursor: null } : await listAudit(getDb(), filters);
  const { cursor, ...withoutCursor } = filters;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every state change and sign-in event: who, with which role, what, on which target, from where. Append-only."
      />
      <CollapsibleFilters activeCount={Object.values(withoutCursor).filter(Boolean).length}>
        <AuditFiltersForm filters={filters} />
      </CollapsibleFilters>
      <IgnoredFilters error={parsed.error} except={["cursor"]} />
      {badCursor ? (
        <InvalidPageLink firstPageHref={withParams("/audit", withoutCursor)} />
      ) : rows.length === 0 ? (
        <EmptyState title="No audit entries match these filters." />
      ) : (
        <AuditTable rows={rows} />
      )}
      <KeysetPager
        path="/audit"
        filters={withoutCursor}
        cursor={cursor}
        nextCursor={nextCursor}
        olderLabel="Older entries"
      />
    </>
  );
}
