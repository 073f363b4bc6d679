import type { Metadata } from "next";
import Link from "next/link";
import { ActionNeededSummary } from "@/components/refunds/action-needed-summary";
import { ApprovalButtons } from "@/components/refunds/approval-buttons";
import { MonitorRow, monitorColumns } from "@/components/refunds/monitor-row";
import { paymentProviderLabels } from "@/lib/integrations/providers/provider-labels";
import { MonitorTable } from "@/components/refunds/monitor-table";
import { StatusCountsTable } from "@/components/refunds/status-counts-table";
import { SyncSelection } from "@/components/refunds/sync-selection";
import { AutoRefresh } from "@/components/refunds/auto-refresh";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { inputClass } from "@/components/ui/field";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { CollapsibleFilters } from "@/components/ui/collapsible-filters";
import { ZonedTime } from "@/components/ui/zoned-time";
import { paymentProviders, type PaymentProviderName } from "@/drizzle/schema/payments";
import { refundStatuses } from "@/drizzle/schema/refunds";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { can } from "@/lib/domain/auth/permissions";
import { getDb } from "@/lib/platform/db/client";
import { formatMinor } from "@/lib/platform/money/convert";
import { appProviderNow } from "@/lib/domain/refunds/app-refund-deps";
import {
  loadApprovalQueue,
  loadRefundMonitor,
  refundAgeBuckets,
  refundAgeLabels,
  refundMonitorFiltersSchema,
  refundNeedLabels,
  refundNeeds,
  settledCountCap,
  type RefundMonitorFilters,
} from "@/lib/domain/refunds/monitor";
import { refundReasonLabels } from "@/lib/domain/refunds/refund-input";
import { isSyncableRefundStatus as isSyncable, refundStatusLabels } from "@/lib/domain/refunds/refund-status";
import { defaultDisplayZone, withDisplayZone } from "@/lib/platform/time-zone/display-zone";
import { displayZoneOf } from "@/lib/platform/time-zone/request-zone";
import { firstValues, withParams } from "@/lib/platform/url/search-params";
import { cursorRefused } from "@/lib/platform/lists/cursor";
import { parseFilterFields } from "@/lib/app/validation/parse-filters";
import { InvalidPageLink } from "@/components/ui/invalid-page-link";

export const metadata: Metadata = { title: "Refunds" };

const selectionFormId = "sync-selection";
const listId = "refund-list";

function Filters({ filters, timeZone }: { filters: RefundMonitorFilters; timeZone: string }) {
  const selects = [
    { name: "status", label: "Status", options: refundStatuses.map((s) => [s, refundStatusLabels[s]] as const) },
    { name: "provider", label: "Provider", options: Object.entries(paymentProviderLabels) },
    { name: "age", label: "Age", options: refundAgeBuckets.map((b) => [b, refundAgeLabels[b]] as const) },
    { name: "need", label: "Needs", options: refundNeeds.map((n) => [n, refundNeedLabels[n]] as const) },
  ] as const;
  return (
    <form method="get" className="mb-3 flex flex-wrap items-end gap-3" aria-label="Filter refunds">
      {timeZone === defaultDisplayZone ? null : <input type="hidden" name="tz" value={timeZone} />}
      {selects.map((select) => (
        // An explicit label, not a wrapping one: a wrapping label's name would also read the options.
        <div key={select.name} className="text-sm">
          <label htmlFor={`refund-filter-${select.name}`} className="mb-1 block">
            {select.label}
          </label>
          <select
            id={`refund-filter-${select.name}`}
            name={select.name}
            defaultValue={filters[select.name] ?? ""}
            className={inputClass}
          >
            <option value="">All</option>
            {select.options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" className={buttonClass("primary")}>
        Apply
      </button>
      <Link href={withDisplayZone("/refunds", timeZone)} className={buttonClass("ghost")}>
        Clear
      </Link>
    </form>
  );
}

export default async function RefundsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission("refunds:read");
  const canSync = can(user.role, "refunds:sync");
  const parsed = parseFilterFields(refundMonitorFiltersSchema, firstValues(await searchParams));
  const filters: RefundMonitorFilters = parsed.data;
  const badCursor = cursorRefused(parsed.error);
  const db = getDb();
  const now = new Date();
  const canApprove = can(user.role, "refunds:approve");
  const [monitor, queue] = await Promise.all([
    appProviderNow().then((providerNow) => loadRefundMonitor(db, filters, now, providerNow)),
    canApprove ? loadApprovalQueue(db) : Promise.resolve([]),
  ]);
  const timeZone = await displayZoneOf(filters.tz);
  const { cursor } = filters;
  const filtersOnly = { status: filters.status, provider: filters.provider, age: filters.age, need: filters.need };
  const pagerParams = { ...filtersOnly, tz: timeZone === defaultDisplayZone ? undefined : timeZone };
  const activeFilters = Object.values(filtersOnly).filter(Boolean).length;
  const paymentHref = (paymentId: string) => withDisplayZone(`/payments/${paymentId}`, timeZone);
  const countOf = (status: string, provider: string) => {
    const cell = monitor.counts.find((c) => c.status === status && c.provider === provider);
    if (!cell) return "0";
    return cell.capped ? `${cell.count.toLocaleString("en-US")}+` : cell.count.toLocaleString("en-US");
  };
  const presentStatuses = refundStatuses.filter((s) => monitor.counts.some((c) => c.status === s));

  return (
    <>
      <PageHeader
        title="Refunds"
        description="Every refund and where it stands in its lifecycle; non-final refunds until they settle."
        actions={<AutoRefresh seconds={10} />}
      />

      {canApprove ? (
        <section aria-labelledby="approvals-heading" className="mb-6">
          <h2 id="approvals-heading" className="mb-2 text-lg font-semibold">
            Approvals queue
          </h2>
          {queue.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No refunds are waiting for approval.</p>
          ) : (
            <DataTable
              caption="Refunds awaiting a second person's approval, oldest first"
              columns={[
                `Requested (${timeZone})`,
                "Payment",
                "Amount",
                "Still refundable on the payment",
                "Reason",
                "Requested by",
                "Decision",
              ]}
            >
              {queue.map((row) => {
                const amount = formatMinor(row.amountMinor, row.currency);
                return (
                  <tr key={row.id} className="align-top" data-testid="approval-row">
                    <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
                      <ZonedTime value={row.createdAt} timeZone={timeZone} />
                    </td>
                    <td className="px-3 py-2">
                      <Link
                        href={paymentHref(row.paymentId)}
                        className="font-mono text-xs text-indigo-700 underline dark:text-indigo-300"
                      >
                        {row.paymentReference}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 font-medium">{amount}</td>
                    <td className="px-3 py-2" data-testid="approval-refundable">
                      {formatMinor(row.paymentRefundableMinor, row.currency)}
                      {row.amountMinor > row.paymentRefundableMinor ? (
                        <div className="text-xs text-red-700 dark:text-red-400">
                          More than is left: approving it will be refused.
                        </div>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">
                      {refundReasonLabels[row.reason as keyof typeof refundReasonLabels] ?? row.reason}
                      {row.note ? <div className="text-xs text-zinc-500 dark:text-zinc-400">{row.note}</div> : null}
                    </td>
                    <td className="px-3 py-2 text-xs">{row.requesterEmail ?? "—"}</td>
                    <td className="px-3 py-2">
                      {row.requestedBy === user.id ? (
                        <span className="text-sm text-zinc-600 dark:text-zinc-400">
                          Needs another approver (you requested it)
                        </span>
                      ) : (
                        <ApprovalButtons
                          refundId={row.id}
                          amount={amount}
                          paymentReference={row.paymentReference}
                          requesterEmail={row.requesterEmail}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
        </section>
      ) : null}

      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <Card title="By status and provider" className="min-w-0">
          {presentStatuses.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No refunds yet.</p>
          ) : (
            <StatusCountsTable
              caption={`Refund counts per status and provider, and their amounts per currency: open statuses exact, approved and final statuses shown as ${settledCountCap.toLocaleString("en-US")}+ past ${settledCountCap.toLocaleString("en-US")}`}
              rows={presentStatuses.map((status) => ({
                status,
                counts: Object.fromEntries(
                  paymentProviders.map((provider) => [provider, countOf(status, provider)]),
                ) as Record<PaymentProviderName, string>,
                totals: monitor.money.filter((total) => total.status === status),
              }))}
            />
          )}
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="count-note">
            Open statuses are exact. Approved and final statuses are counted up to{" "}
            {settledCountCap.toLocaleString("en-US")}, then shown as {settledCountCap.toLocaleString("en-US")}+, and
            their amounts add up only the newest of them, so they read &ldquo;at least&rdquo;. Amounts are per currency,
            never added across currencies.
          </p>
        </Card>
        <Card title="Age of open refunds" className="min-w-0">
          <DataTable
            caption="Refunds still awaiting the provider, an approval or a person, by age since they were requested"
            columns={refundAgeBuckets.map((b) => refundAgeLabels[b])}
          >
            <tr>
              {refundAgeBuckets.map((bucket) => (
                <td key={bucket} className="px-3 py-2 tabular-nums">
                  <Link
                    href={withDisplayZone(`/refunds?age=${bucket}`, timeZone)}
                    className="underline"
                    aria-label={`${monitor.ages[bucket]} refunds aged ${refundAgeLabels[bucket]}`}
                  >
                    {monitor.ages[bucket]}
                  </Link>
                </td>
              ))}
            </tr>
          </DataTable>
        </Card>
      </div>

      <ActionNeededSummary count={monitor.actionNeeded.count} capped={monitor.actionNeeded.capped} />
      <h2 className="mb-2 text-lg font-semibold">All refunds</h2>
      <CollapsibleFilters activeCount={activeFilters}>
        <Filters filters={filters} timeZone={timeZone} />
      </CollapsibleFilters>
      <IgnoredFilters error={parsed.error} except={["cursor"]} />
      {badCursor ? <InvalidPageLink firstPageHref={withParams("/refunds", pagerParams)} /> : null}
      {monitor.cursorError ? (
        <p role="alert" className="mb-4 text-sm text-red-600 dark:text-red-400">
          Some filters were ignored: {monitor.cursorError}.
        </p>
      ) : null}
      {badCursor ? null : (
        <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="match-count">
          {matchCountSentence(monitor.matching, activeFilters > 0)}
        </p>
      )}
      {canSync && monitor.rows.some((row) => isSyncable(row.status)) ? (
        <SyncSelection formId={selectionFormId} listId={listId} />
      ) : null}
      {badCursor ? null : monitor.rows.length === 0 ? (
        <EmptyState title="No refunds match these filters." />
      ) : (
        <MonitorTable
          id={listId}
          caption={`Refunds, newest first; times in ${timeZone}`}
          columns={monitorColumns(timeZone)}
        >
          {monitor.rows.map((row) => (
            <MonitorRow
              key={row.id}
              row={row}
              timeZone={timeZone}
              paymentHref={paymentHref(row.paymentId)}
              canSync={canSync}
              selectionFormId={selectionFormId}
            />
          ))}
        </MonitorTable>
      )}
      <KeysetPager
        path="/refunds"
        filters={pagerParams}
        cursor={monitor.isFirstPage ? undefined : cursor}
        nextCursor={monitor.nextCursor}
        previousCursor={monitor.previousCursor}
        firstLabel="Newest"
        previousLabel="Newer refunds"
        olderLabel="Older refunds"
      />
    </>
  );
}

/** "123 refunds match these filters." / "More than 1,000 refunds." */
function matchCountSentence({ count, capped }: { count: number; capped: boolean }, filtered: boolean): string {
  const number = `${capped ? "More than " : ""}${count.toLocaleString("en-US")}`;
  const noun = count === 1 && !capped ? "refund" : "refunds";
  if (!filtered) return `${number} ${noun} in all.`;
  return `${number} ${noun} ${count === 1 && !capped ? "matches" : "match"} these filters.`;
}
