import type { Metadata } from "next";
import Link from "next/link";
import { ApprovalButtons } from "@/components/refunds/approval-buttons";
import { SyncRefundsButton } from "@/components/refunds/sync-refunds-button";
import { AutoRefresh } from "@/components/refunds/auto-refresh";
import { RefundStatusBadge } from "@/components/refunds/refund-status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { inputClass } from "@/components/ui/field";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { UtcTime } from "@/components/ui/utc-time";
import { refundStatuses } from "@/drizzle/schema/refunds";
import { requirePagePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { formatMinor } from "@/lib/money/convert";
import { loadApprovalQueue, loadRefundMonitor, refundAgeBuckets, refundAgeLabels, refundMonitorFiltersSchema, settledCountCap, type MonitorRow, type RefundMonitorFilters } from "@/lib/refunds/monitor";
import { refundEventSourceLabels, type RefundEventSource } from "@/lib/refunds/payment-refunds";
import { refundReasonLabels } from "@/lib/refunds/refund-input";
import { isFinalRefundStatus, isSyncableRefundStatus as isSyncable, refundStatusLabels } from "@/lib/refunds/refund-status";
import { firstValues, withParams } from "@/lib/url/search-params";
import { cursorRefused } from "@/lib/payments/list/cursor";
import { parseFilterFields } from "@/lib/validation/parse-filters";
import { InvalidPageLink } from "@/components/ui/invalid-page-link";

export const metadata: Metadata = { title: "Refunds" };

const providerLabels = { checkout: "Checkout.com", octo: "OCTO" } as const;

function WhyPending({ row }: { row: MonitorRow }) {
  if (isFinalRefundStatus(row.status)) return null;
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="why-pending">
      Ours: {refundStatusLabels[row.status]} · provider: {row.providerStatus ?? "no answer yet"}
      {row.providerResponseCode ? ` (code ${row.providerResponseCode})` : ""} · last event:{" "}
      {row.lastEvent ? (
        <>
          {row.lastEvent.kind.replaceAll("_", " ")} ({refundEventSourceLabels[row.lastEvent.source as RefundEventSource] ?? row.lastEvent.source}, <UtcTime value={row.lastEvent.at} />)
        </>
      ) : (
        "none"
      )}{" "}
      · last check: {row.lastCheckedAt ? <UtcTime value={row.lastCheckedAt} /> : "never"} · next check: {row.nextCheckAt ? <UtcTime value={row.nextCheckAt} /> : "not scheduled"}
    </p>
  );
}

function Filters({ filters }: { filters: RefundMonitorFilters }) {
  const selects = [
    { name: "status", label: "Status", options: refundStatuses.map((s) => [s, refundStatusLabels[s]] as const) },
    { name: "provider", label: "Provider", options: Object.entries(providerLabels) },
    { name: "age", label: "Age", options: refundAgeBuckets.map((b) => [b, refundAgeLabels[b]] as const) },
  ] as const;
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter refunds">
      {selects.map((select) => (
        <label key={select.name} className="text-sm">
          <span className="mb-1 block">{select.label}</span>
          <select name={select.name} defaultValue={filters[select.name] ?? ""} className={inputClass}>
            <option value="">All</option>
            {select.options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className={buttonClass("primary")}>
        Apply
      </button>
      <Link href="/refunds" className={buttonClass("ghost")}>
        Clear
      </Link>
    </form>
  );
}

export default async function RefundsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("refunds:read");
  const canSync = can(user.role, "refunds:sync");
  const parsed = parseFilterFields(refundMonitorFiltersSchema, firstValues(await searchParams));
  const filters: RefundMonitorFilters = parsed.data;
  const badCursor = cursorRefused(parsed.error);
  const db = getDb();
  const now = new Date();
  const canApprove = can(user.role, "refunds:approve");
  const [monitor, queue] = await Promise.all([loadRefundMonitor(db, filters, now), canApprove ? loadApprovalQueue(db) : Promise.resolve([])]);
  const { cursor, ...withoutCursor } = filters;
  const countOf = (status: string, provider: string) => {
    const cell = monitor.counts.find((c) => c.status === status && c.provider === provider);
    if (!cell) return "0";
    return cell.capped ? `${cell.count.toLocaleString("en-US")}+` : cell.count.toLocaleString("en-US");
  };
  const presentStatuses = refundStatuses.filter((s) => monitor.counts.some((c) => c.status === s));

  return (
    <>
      <PageHeader title="Refunds" description="Every refund and where it stands in its lifecycle; non-final refunds until they settle." actions={<AutoRefresh seconds={10} />} />

      {canApprove ? (
        <section aria-labelledby="approvals-heading" className="mb-6">
          <h2 id="approvals-heading" className="mb-2 text-lg font-semibold">
            Approvals queue
          </h2>
          {queue.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No refunds are waiting for approval.</p>
          ) : (
            <DataTable caption="Refunds awaiting a second person's approval, oldest first" columns={["Requested (UTC)", "Payment", "Amount", "Still refundable on the payment", "Reason", "Requested by", "Decision"]}>
              {queue.map((row) => {
                const amount = formatMinor(row.amountMinor, row.currency);
                return (
                  <tr key={row.id} className="align-top" data-testid="approval-row">
                    <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
                      <UtcTime value={row.createdAt} />
                    </td>
                    <td className="px-3 py-2">
                      <Link href={`/payments/${row.paymentId}`} className="font-mono text-xs text-indigo-700 underline dark:text-indigo-300">
                        {row.paymentReference}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 font-medium">{amount}</td>
                    <td className="px-3 py-2" data-testid="approval-refundable">
                      {formatMinor(row.paymentRefundableMinor, row.currency)}
                      {row.amountMinor > row.paymentRefundableMinor ? (
                        <div className="text-xs text-red-700 dark:text-red-400">More than is left: approving it will be refused.</div>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">
                      {refundReasonLabels[row.reason as keyof typeof refundReasonLabels] ?? row.reason}
                      {row.note ? <div className="text-xs text-zinc-500 dark:text-zinc-400">{row.note}</div> : null}
                    </td>
                    <td className="px-3 py-2 text-xs">{row.requesterEmail ?? "—"}</td>
                    <td className="px-3 py-2">
                      {row.requestedBy === user.id ? (
                        <span className="text-sm text-zinc-600 dark:text-zinc-400">Needs another approver (you requested it)</span>
                      ) : (
                        <ApprovalButtons refundId={row.id} amount={amount} paymentReference={row.paymentReference} requesterEmail={row.requesterEmail} />
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
        <Card title="By status and provider">
          {presentStatuses.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No refunds yet.</p>
          ) : (
            <DataTable
              caption={`Refund counts per status and provider: open statuses exact, approved and final statuses shown as ${settledCountCap.toLocaleString("en-US")}+ past ${settledCountCap.toLocaleString("en-US")}`}
              columns={["Status", "Checkout.com", "OCTO"]}
            >
              {presentStatuses.map((status) => (
                <tr key={status}>
                  <td className="px-3 py-2">
                    <RefundStatusBadge status={status} />
                  </td>
                  <td className="px-3 py-2 tabular-nums">{countOf(status, "checkout")}</td>
                  <td className="px-3 py-2 tabular-nums">{countOf(status, "octo")}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="count-note">
            Open statuses are exact. Approved and final statuses are counted up to {settledCountCap.toLocaleString("en-US")}, then shown as {settledCountCap.toLocaleString("en-US")}+.
          </p>
        </Card>
        <Card title="Age of open refunds">
          <DataTable caption="Refunds still awaiting the provider, an approval or a person, by age since they were requested" columns={refundAgeBuckets.map((b) => refundAgeLabels[b])}>
            <tr>
              {refundAgeBuckets.map((bucket) => (
                <td key={bucket} className="px-3 py-2 tabular-nums">
                  <Link href={`/refunds?age=${bucket}`} className="underline" aria-label={`${monitor.ages[bucket]} refunds aged ${refundAgeLabels[bucket]}`}>
                    {monitor.ages[bucket]}
                  </Link>
                </td>
              ))}
            </tr>
          </DataTable>
        </Card>
      </div>

      <h2 className="mb-2 text-lg font-semibold">All refunds</h2>
      <Filters filters={filters} />
      <IgnoredFilters error={parsed.error} except={["cursor"]} />
      {badCursor ? <InvalidPageLink firstPageHref={withParams("/refunds", withoutCursor)} /> : null}
      {monitor.cursorError ? (
        <p role="alert" className="mb-4 text-sm text-red-600 dark:text-red-400">
          Some filters were ignored: {monitor.cursorError}.
        </p>
      ) : null}
      {canSync && monitor.rows.some((row) => isSyncable(row.status)) ? (
        <div className="mb-2">
          <SyncRefundsButton formId="sync-selection" label="Sync selected" />
        </div>
      ) : null}
      {badCursor ? null : monitor.rows.length === 0 ? (
        <EmptyState title="No refunds match these filters." />
      ) : (
        <DataTable caption="Refunds, newest first" columns={["Requested (UTC)", "Payment", "Amount", "Status", "Provider", "Requested by", "Sync"]}>
          {monitor.rows.map((row) => (
            <tr key={row.id} className="align-top" data-testid="refund-row">
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
                <UtcTime value={row.createdAt} />
              </td>
              <td className="px-3 py-2">
                <Link href={`/payments/${row.paymentId}`} className="font-mono text-xs text-indigo-700 underline dark:text-indigo-300">
                  {row.paymentReference}
                </Link>
              </td>
              <td className="whitespace-nowrap px-3 py-2 font-medium">{formatMinor(row.amountMinor, row.currency)}</td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap items-center gap-2">
                  <RefundStatusBadge status={row.status} />
                  {row.overdue ? <span className="rounded bg-red-100 px-1.5 text-xs font-medium text-red-800 dark:bg-red-500/15 dark:text-red-300">Overdue</span> : null}
                  {row.expiresInDays !== null ? (
                    <span className="text-xs text-amber-800 dark:text-amber-200">{row.expiresInDays > 0 ? `expires in ${row.expiresInDays} days unless collected` : "collection window has passed"}</span>
                  ) : null}
                </div>
                <WhyPending row={row} />
              </td>
              <td className="px-3 py-2">{providerLabels[row.provider]}</td>
              <td className="px-3 py-2 text-xs">{row.requesterEmail ?? "—"}</td>
              <td className="px-3 py-2 text-xs text-zinc-500 dark:text-zinc-400">
                {canSync && isSyncable(row.status) ? (
                  <div className="space-y-2">
                    <label className="flex items-center gap-1">
                      <input type="checkbox" name="refundIds" value={row.id} form="sync-selection" aria-label={`Select the refund of ${row.paymentReference} for syncing`} />
                      Select
                    </label>
                    <SyncRefundsButton refundId={row.id} />
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <KeysetPager path="/refunds" filters={withoutCursor} cursor={cursor} nextCursor={monitor.nextCursor} olderLabel="Older refunds" />
    </>
  );
}
