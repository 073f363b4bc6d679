import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CustomerPaysPanel } from "@/components/payments/customer-pays-panel";
import { LivePaymentStatus } from "@/components/payments/live-payment-status";
import {
  paymentFlowLabel,
  paymentProviderFullLabels,
  paymentProviderLabels,
} from "@/lib/integrations/providers/provider-labels";
import { PaymentTimeline } from "@/components/payments/payment-timeline";
import { RefundStateBadge } from "@/components/payments/refund-state-badge";
import { ResumeRequestButton } from "@/components/payments/resume-request-button";
import { SyncPaymentButton } from "@/components/payments/sync-payment-button";
import { disagreementInWords } from "@/lib/domain/payments/sync-disagreement-words";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { ZonedTime } from "@/components/ui/zoned-time";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { can, type Role } from "@/lib/domain/auth/permissions";
import { getDb } from "@/lib/platform/db/client";
import { formatMinor } from "@/lib/platform/money/convert";
import { isKnownCurrency, unknownCurrencyNotice } from "@/lib/platform/money/currency";
import { unknownCurrencyRefundRefusal } from "@/lib/domain/refunds/refund-rules";
import { customerPaysLinks } from "@/lib/domain/payments/customer-pays";
import { getPaymentDetail, parsePaymentId, toStatusSummary } from "@/lib/domain/payments/payment-detail";
import { paymentAmounts, refundableAfterApprovalsMinor } from "@/lib/domain/payments/refund-totals";
import { paymentRefundState } from "@/lib/domain/payments/refund-state";
import { loadPaymentTimeline } from "@/lib/domain/payments/timeline";
import { PaymentRefunds } from "@/components/refunds/payment-refunds";
import { RefundDialog } from "@/components/refunds/refund-dialog";
import { isSandbox } from "@/lib/platform/env";
import { approvalThresholdOf } from "@/lib/domain/refunds/approval-thresholds";
import { appProviderNow } from "@/lib/domain/refunds/app-refund-deps";
import { loadPaymentRefunds } from "@/lib/domain/refunds/payment-refunds";
import { recentRefundsOf } from "@/lib/domain/refunds/recent-refunds";
import { withDisplayZone } from "@/lib/platform/time-zone/display-zone";
import { displayZoneOf } from "@/lib/platform/time-zone/request-zone";
import { firstValues } from "@/lib/platform/url/search-params";

export const metadata: Metadata = { title: "Payment" };

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-sm">{children ?? <span className="text-zinc-500 dark:text-zinc-400">—</span>}</dd>
    </div>
  );
}

function CopyableId({ value, label }: { value: string; label: string }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className="break-all font-mono text-xs">{value}</span>
      <CopyButton value={value} label={`Copy the ${label}`} />
    </span>
  );
}

/** What this user may do to this payment now: resume an unanswered request, re-read the provider, or refund. */
function PaymentActions({
  payment,
  role,
  refund,
}: {
  payment: { id: string; status: string; flow: string; providerPaymentId: string | null };
  role: Role;
  refund: ReactNode;
}) {
  const canResume = can(role, "payments:create") && payment.status === "requested" && payment.flow !== "external";
  const canSync = can(role, "payments:sync") && payment.providerPaymentId !== null;
  if (!canResume && !canSync && !refund) return null;
  return (
    <div className="flex flex-col items-end gap-2">
      {canResume ? <ResumeRequestButton paymentId={payment.id} /> : null}
      {canSync ? <SyncPaymentButton paymentId={payment.id} /> : null}
      {refund}
    </div>
  );
}

export default async function PaymentDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission("payments:read");
  const timeZone = await displayZoneOf(firstValues(await searchParams).tz);
  const id = parsePaymentId((await params).id);
  if (!id) notFound();
  const db = getDb();
  const payment = await getPaymentDetail(db, id);
  if (!payment) notFound();
  const canReadRefunds = can(user.role, "refunds:read");
  const [timeline, amounts, refunds, thresholdMinor] = await Promise.all([
    loadPaymentTimeline(db, payment.id),
    paymentAmounts(db, payment),
    canReadRefunds
      ? appProviderNow().then((providerNow) => loadPaymentRefunds(db, payment.id, providerNow))
      : Promise.resolve(null),
    approvalThresholdOf(db, payment.currency),
  ]);
  const knownCurrency = isKnownCurrency(payment.currency);
  const canRefund =
    knownCurrency &&
    can(user.role, "refunds:create") &&
    payment.status === "captured" &&
    payment.providerPaymentId !== null &&
    amounts.refundableMinor > 0n;
  const refundDialog = canRefund ? (
    <RefundDialog
      payment={{
        id: payment.id,
        provider: payment.provider,
        status: payment.status,
        currency: payment.currency,
        capturedMinor: payment.capturedMinor.toString(),
        refundReservedMinor: payment.refundReservedMinor.toString(),
        awaitingApprovalMinor: amounts.awaitingApprovalMinor.toString(),
        recentRefunds: recentRefundsOf(refunds ?? [], new Date()),
      }}
      thresholdMinor={thresholdMinor.toString()}
      sandboxTriggers={isSandbox}
    />
  ) : null;
  const links = customerPaysLinks(payment);
  const money = (minor: bigint) => formatMinor(minor, payment.currency);
  const customer = [payment.customerName, payment.customerEmail].filter(Boolean).join(" · ");

  return (
    <>
      <Link
        href={withDisplayZone("/payments", timeZone)}
        className="mb-4 inline-block text-sm text-indigo-700 underline dark:text-indigo-300"
      >
        ← Back to payments
      </Link>
      <PageHeader
        title={`Payment ${payment.reference}`}
        description={`${money(payment.amountMinor)} · ${paymentProviderFullLabels[payment.provider]} · ${paymentFlowLabel(payment.provider, payment.flow)}`}
        actions={<PaymentActions payment={payment} role={user.role} refund={refundDialog} />}
      />

      {knownCurrency ? null : (
        <p
          role="status"
          className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100"
          data-testid="currency-review"
        >
          {unknownCurrencyNotice(payment.currency)} {unknownCurrencyRefundRefusal(payment.currency)}
        </p>
      )}

      {payment.syncDisagreement ? (
        <p
          role="status"
          className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100"
          data-testid="sync-disagreement"
        >
          The latest sync found {paymentProviderLabels[payment.provider]} disagreeing with the ledger on the
          payment&apos;s {disagreementInWords(payment.syncDisagreement)}, and the ledger was left as it was; the
          timeline below shows both sides.
        </p>
      ) : null}

      <Card title="Summary">
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Item label="Status">
            <span className="flex flex-wrap items-center gap-1">
              <LivePaymentStatus rendered={toStatusSummary(payment)} />
              <RefundStateBadge payment={payment} />
            </span>
          </Item>
          <Item label="Amount">{money(payment.amountMinor)}</Item>
          <Item label="Captured">{money(amounts.capturedMinor)}</Item>
          <Item label="Refunded">{money(amounts.refundedMinor)}</Item>
          <Item label="Net">{money(paymentRefundState(amounts).netMinor)}</Item>
          <Item label="Refunds in flight">{money(amounts.inFlightMinor)}</Item>
          <Item label="Still refundable">
            {money(amounts.refundableMinor)}
            {amounts.awaitingApprovalMinor > 0n ? (
              <span
                className="block text-xs font-normal text-amber-800 dark:text-amber-200"
                data-testid="awaiting-approval-note"
              >
                {money(amounts.awaitingApprovalMinor)} awaiting approval;{" "}
                {money(refundableAfterApprovalsMinor(amounts))} if approved.
              </span>
            ) : null}
          </Item>
          <Item label="Provider">{paymentProviderFullLabels[payment.provider]}</Item>
          <Item label="Flow">{paymentFlowLabel(payment.provider, payment.flow)}</Item>
          <Item label="Reference">
            <span className="break-all font-mono text-xs">{payment.reference}</span>
          </Item>
          <Item label="Description">{payment.description}</Item>
          <Item label="Provider payment ID">
            {payment.providerPaymentId ? (
              <CopyableId value={payment.providerPaymentId} label="provider payment ID" />
            ) : null}
          </Item>
          {payment.providerSetupId ? (
            <Item label="Provider setup ID">
              <CopyableId value={payment.providerSetupId} label="provider setup ID" />
            </Item>
          ) : null}
          <Item label="Customer">{customer || null}</Item>
          <Item label="Created by">
            {payment.createdByUser
              ? payment.createdByUser.email
              : payment.flow === "external"
                ? "Made at the provider"
                : null}
          </Item>
          <Item label={`Created (${timeZone})`}>
            <ZonedTime value={payment.createdAt} timeZone={timeZone} />
          </Item>
          <Item label={`Status changed (${timeZone})`}>
            <ZonedTime value={payment.statusChangedAt} timeZone={timeZone} />
          </Item>
          <Item label={`Updated (${timeZone})`}>
            <ZonedTime value={payment.updatedAt} timeZone={timeZone} />
          </Item>
        </dl>
      </Card>

      {links ? <CustomerPaysPanel links={links} /> : null}
      {refunds ? (
        <PaymentRefunds
          paymentId={payment.id}
          rendered={refunds}
          canSync={can(user.role, "refunds:sync")}
          canRecordFollowUp={can(user.role, "refunds:create")}
          canRefundAgain={canRefund}
          timeZone={timeZone}
        />
      ) : null}
      <PaymentTimeline timeline={timeline} timeZone={timeZone} />
    </>
  );
}
