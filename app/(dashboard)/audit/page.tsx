import type { Metadata } from "next";
import Link from "next/link";
import { AuditFiltersForm } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listAudit } from "@/lib/audit/list-audit";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { firstValues, withParams } from "@/lib/url/search-params";
import { auditFiltersSchema, type AuditFilters } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("audit:read");
  const parsed = auditFiltersSchema.safeParse(firstValues(await searchParams));
  const filters: AuditFilters = parsed.success ? parsed.data : {};
  const { rows, nextCursor } = await listAudit(getDb(), filters);
  const { cursor, ...withoutCursor } = filters;
  return (
    <>
      <PageHeader title="Audit log" description="Every state change and sign-in event: who, with which role, what, on which target, from where. Append-only." />
      <AuditFiltersForm filters={filters} />
      {!parsed.success ? (
        <p role="alert" className="mb-4 text-sm text-red-600 dark:text-red-400">
          Some filters were ignored: {parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}.
        </p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title="No audit entries match these filters." />
      ) : (
        <AuditTable rows={rows} />
      )}
      <div className="mt-4 flex gap-2">
        {cursor ? (
          <Link href={withParams("/audit", withoutCursor)} className={buttonClass("secondary")}>
            Newest
          </Link>
        ) : null}
        {nextCursor ? (
          <Link href={withParams("/audit", { ...withoutCursor, cursor: nextCursor })} className={buttonClass("secondary")}>
            Older entries
          </Link>
        ) : null}
      </div>
    </>
  );
}
