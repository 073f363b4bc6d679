"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { ZonedTime } from "@/components/ui/zoned-time";
import { formatMinor } from "@/lib/platform/money/convert";
import { isRefusal } from "@/lib/app/query/fetch-json";
import { paymentRefundsQuery, refundKeys } from "@/lib/app/query/refunds";
import { refundRowAnchor } from "@/lib/domain/refunds/refund-anchor";
import { refundEventSourceLabels, type RefundView } from "@/lib/domain/refunds/payment-refunds";
import { refundReasonLabels } from "@/lib/domain/refunds/refund-input";
import { isMoneyNotDelivered, isSyncableRefundStatus } from "@/lib/domain/refunds/refund-status";
import { ActionNeededBadge } from "./action-needed-badge";
import { CollectionCountdown } from "./collection-countdown";
import { RefundFollowUps } from "./refund-follow-ups";
import { RefundStatusBadge } from "./refund-status-badge";
import { SyncRefundsButton } from "./sync-refunds-button";

const zoned = (iso: string, timeZone: string) => <ZonedTime value={new Date(iso)} timeZone={timeZone} />;
const signatureOf = (refunds: readonly RefundView[]) =>
  refunds.map((r) => `${r.id}:${r.status}:${r.updatedAt}:${r.followUps.length}`).join("|");

function RefundTimeline({ refund, timeZone }: { refund: RefundView; timeZone: string }) {
  return (
    <ol
      className="mt-3 space-y-2 border-l-2 border-zinc-200 pl-4 dark:border-zinc-700"
      aria-label={`Timeline of the refund of ${formatMinor(BigInt(refund.amountMinor), refund.currency)}`}
    >
      {refund.events.map((event) => (
        <li key={event.id} className="relative text-sm" data-testid="refund-event">
          <span aria-hidden className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-indigo-500" />
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
              {zoned(event.at, timeZone)} {timeZone}
            </span>
            <span className="text-xs text-zinc-600 dark:text-zinc-400">{refundEventSourceLabels[event.source]}</span>
            <span className="font-medium">{event.sentence}</span>
            {event.toStatus ? (
              <span className="inline-flex items-center gap-1">
                {event.fromStatus ? (
                  <>
                    <RefundStatusBadge status={event.fromStatus} />
                    <span aria-label="to">→</span>
                  </>
                ) : null}
                <RefundStatusBadge status={event.toStatus} />
              </span>
            ) : null}
            {event.actorEmail ? (
              <span className="text-xs text-zinc-600 dark:text-zinc-400">by {event.actorEmail}</span>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

/**
 * The payment's refunds, each with its status timeline, kept live: polls the refunds route
 * every 2 s while any refund is not settled and asks the server to re-render the page when
 * one changes, so the refunded and still refundable amounts follow.
 */
export function PaymentRefunds({
  paymentId,
  rendered,
  canSync,
  canRecordFollowUp,
  canRefundAgain,
  timeZone = "UTC",
}: {
  paymentId: string;
  rendered: RefundView[];
  canSync: boolean;
  canRecordFollowUp: boolean;
  /** The payment still has money to refund and the viewer may refund it. */
  canRefundAgain: boolean;
  timeZone?: string;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data, error } = useQuery({ ...paymentRefundsQuery(paymentId), initialData: rendered });
  const live = signatureOf(data);
  const served = signatureOf(rendered);
  const lastServed = useRef(served);

  useEffect(() => {
    if (served !== lastServed.current) {
      // The server re-rendered (after a refund was issued, or after our refresh): it is the newest truth.
      lastServed.current = served;
      queryClient.setQueryData(refundKeys.ofPayment(paymentId), rendered);
    } else if (live !== served) {
      // The poll saw a change the page does not show yet: re-render the amounts and the rest.
      router.refresh();
    }
  }, [live, served, rendered, router, queryClient, paymentId]);

  return (
    <section aria-labelledby="refunds-heading" className="mt-6">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h2 id="refunds-heading" className="text-lg font-semibold">
          Refunds
        </h2>
        {data.some((r) => !r.settled) && !error ? (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">Updating live</span>
        ) : null}
        {error ? (
          <span className="text-xs text-red-600 dark:text-red-400">
            {isRefusal(error) ? "Live updates stopped" : "Live update failed, trying again"}: {error.message}
          </span>
        ) : null}
      </div>
      {data.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No refunds for this payment.</p>
      ) : (
        <ul className="space-y-3">
          {data.map((refund) => (
            <li
              key={refund.id}
              id={refundRowAnchor(refund.id)}
              className="scroll-mt-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
              data-testid="refund"
              data-refund-id={refund.id}
            >
              <div className="flex flex-wrap items-center gap-3">
                <span className="text-base font-semibold">
                  {formatMinor(BigInt(refund.amountMinor), refund.currency)}
                </span>
                <span role="status" aria-label="Refund status">
                  <RefundStatusBadge status={refund.status} />
                </span>
                <CollectionCountdown days={refund.expiresInDays} />
                <ActionNeededBadge actionNeeded={refund.actionNeeded} latest={refund.followUps.at(-1) ?? null} />
                <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
                  provider: {refund.providerStatus ?? "—"}
                  {refund.providerResponseCode ? ` · code ${refund.providerResponseCode}` : ""}
                  {refund.providerResponseSummary ? ` · ${refund.providerResponseSummary}` : ""}
                </span>
              </div>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
                <div>
                  <dt className="inline text-zinc-500 dark:text-zinc-400">Reason: </dt>
                  <dd className="inline">
                    {refundReasonLabels[refund.reason as keyof typeof refundReasonLabels] ?? refund.reason}
                  </dd>
                  {refund.note ? <dd className="text-xs text-zinc-600 dark:text-zinc-400">{refund.note}</dd> : null}
                </div>
                <div>
                  <dt className="inline text-zinc-500 dark:text-zinc-400">Requested by: </dt>
                  <dd className="inline">{refund.requestedBy?.email ?? "—"}</dd>
                </div>
                <div>
                  <dt className="inline text-zinc-500 dark:text-zinc-400">Created ({timeZone}): </dt>
                  <dd className="inline font-mono text-xs">{zoned(refund.createdAt, timeZone)}</dd>
                </div>
                <div>
                  <dt className="inline text-zinc-500 dark:text-zinc-400">Status changed ({timeZone}): </dt>
                  <dd className="inline font-mono text-xs">{zoned(refund.statusChangedAt, timeZone)}</dd>
                </div>
                {refund.decidedBy ? (
                  <div>
                    <dt className="inline text-zinc-500 dark:text-zinc-400">Decided by: </dt>
                    <dd className="inline">
                      {refund.decidedBy.email}
                      {refund.decisionNote ? ` (${refund.decisionNote})` : ""}
                    </dd>
                  </div>
                ) : null}
                {refund.attentionReason ? (
                  <div>
                    <dt className="inline text-zinc-500 dark:text-zinc-400">Needs attention: </dt>
                    <dd className="inline">{refund.attentionReason}</dd>
                  </div>
                ) : null}
              </dl>
              {canSync && isSyncableRefundStatus(refund.status) ? (
                <div className="mt-2">
                  <SyncRefundsButton refundId={refund.id} />
                </div>
              ) : null}
              {isMoneyNotDelivered(refund.status) ? (
                <RefundFollowUps
                  refundId={refund.id}
                  paymentId={paymentId}
                  followUps={refund.followUps}
                  canRecord={canRecordFollowUp}
                  canRefundAgain={canRefundAgain}
                  timeZone={timeZone}
                />
              ) : null}
              <RefundTimeline refund={refund} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
