import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EsimActivation } from "@/components/orders/esim-activation";
import { LiveOrderStatus } from "@/components/orders/live-order-status";
import { moneyText } from "@/components/orders/money-text";
import { verticalLabels } from "@/components/orders/order-labels";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { VoucherCodes } from "@/components/orders/voucher-codes";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { esimSummaryOf, type EsimSummary } from "@/lib/orders/esim-activation";
import { getOrderDetail, orderStatusSummary, parseOrderId, retryHref } from "@/lib/orders/order-detail";
import { orderStatusLabels } from "@/lib/orders/order-status";
import { octopusCardsClient } from "@/lib/providers/clients";
import { isOctopusCardsError } from "@/lib/providers/octopus-cards/errors";

export const metadata: Metadata = { title: "Order" };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 py-1.5">
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="col-span-2 break-all">{children}</dd>
    </div>
  );
}

/**
 * eSIM data is never stored: asked from the provider on each view. The activation code is
 * dropped here, so it never reaches the page (HTML or RSC payload); only the audited reveal returns it.
 */
async function esimFromProvider(providerOrderId: number): Promise<{ esim: EsimSummary } | { error: string }> {
  try {
    return { esim: esimSummaryOf(await octopusCardsClient().getEsimOrder(providerOrderId)) };
  } catch (error) {
    if (!isOctopusCardsError(error)) throw error;
    return { error: error.message };
  }
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("orders:read");
  const id = parseOrderId((await params).id);
  const detail = id ? await getOrderDetail(getDb(), id) : null;
  if (!detail) notFound();
  const { order, events, movements, retries } = detail;
  const refund = movements.find((m) => m.kind === "order_refund" || m.kind === "order_debit_released");
  const canCreate = can(user.role, "orders:create");
  const esim = order.vertical === "esim" && order.providerOrderId !== null && (order.status === "delivered" || order.status === "pending") ? await esimFromProvider(order.providerOrderId) : null;
  const inputData = (order.details as { inputData?: Record<string, unknown> }).inputData ?? {};

  return (
    <>
      <PageHeader
        title={`${verticalLabels[order.vertical]}: ${order.productName}`}
        description={`Order ${order.id}`}
        actions={
          <Link href="/orders" className="text-sm underline">
            Back to orders
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Order">
          <dl className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            <Row label="Status">
              <LiveOrderStatus rendered={orderStatusSummary(order)} />
            </Row>
            <Row label="Product">
              {order.productName}
              {order.quantity > 1 ? ` × ${order.quantity}` : ""}
            </Row>
            <Row label="Face value">{moneyText(order.faceValueMinor, order.faceValueCurrency)}</Row>
            <Row label="Charged">
              <span data-testid="order-charge">{moneyText(order.chargeMinor, order.chargeCurrency)}</span> to wallet #{order.walletId}
            </Row>
            {Object.entries(inputData).map(([key, value]) => (
              <Row key={key} label={key.replace(/_/g, " ")}>
                {String(value)}
              </Row>
            ))}
            <Row label="client_reference">
              <code className="text-xs" data-testid="client-reference">
                {order.clientReference}
              </code>
            </Row>
            <Row label="Provider order">{order.providerOrderId ?? "—"}</Row>
            <Row label="Placed">
              <time dateTime={order.createdAt.toISOString()}>{order.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
            </Row>
            {order.retryOf ? (
              <Row label="Retry of">
                <Link href={`/orders/${order.retryOf}`} className="underline">
                  the failed order
                </Link>
              </Row>
            ) : null}
            {retries.map((r) => (
              <Row key={r.id} label="Retried as">
                <Link href={`/orders/${r.id}`} className="underline">
                  {r.id}
                </Link>{" "}
                <OrderStatusBadge status={r.status} />
              </Row>
            ))}
          </dl>
        </Card>

        {order.status === "failed" || order.status === "cancelled" ? (
          <Card title={order.status === "failed" ? "Why it failed" : "Cancelled"}>
            {order.failureReason || order.failureCode ? (
              <p className="text-sm" data-testid="failure-reason">
                {order.failureReason ?? order.failureCode}
                {order.failureCode ? <span className="ml-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">{order.failureCode}</span> : null}
              </p>
            ) : null}
            {order.isUserFixable ? (
              <div className="mt-3 space-y-2">
                <p className="text-sm font-medium">You can fix this: correct the details and place it again.</p>
                {canCreate ? (
                  <Link href={retryHref(order)} className={buttonClass("primary")}>
                    Edit and retry
                  </Link>
                ) : null}
              </div>
            ) : order.status === "failed" ? (
              <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">This cannot be fixed by changing the order; contact Octopus Cards support if it repeats.</p>
            ) : null}
            {refund ? (
              <p className="mt-3 text-sm" data-testid="order-refund">
                {refund.kind === "order_refund" ? "Refunded automatically to the wallet" : "Debit released (never charged)"}: {moneyText(refund.amountMinor, refund.currency)}, balance after {moneyText(refund.balanceAfterMinor, refund.currency)}.{" "}
                <Link href={`/wallet?wallet=${order.walletId}#movement-${refund.id.toString()}`} className="underline">
                  See it in the wallet ledger
                </Link>
              </p>
            ) : null}
          </Card>
        ) : null}

        {order.vertical === "voucher" && (order.status === "delivered" || order.status === "partially_delivered") ? (
          <Card title="Voucher codes">
            <VoucherCodes orderId={order.id} quantity={order.quantity} canReveal={canCreate} />
          </Card>
        ) : null}

        {esim ? (
          <Card title="eSIM activation">{"esim" in esim ? <EsimActivation esim={esim.esim} orderId={order.id} canReveal={canCreate} /> : <p className="text-sm text-red-600 dark:text-red-400">Octopus Cards did not return the activation data ({esim.error}); reload to try again.</p>}</Card>
        ) : null}
      </div>

      <Card title="Timeline" className="mt-4">
        <ol className="space-y-2 text-sm" aria-label="Order timeline">
          {events.map((e) => (
            <li key={e.id.toString()} className="flex flex-wrap gap-x-3" data-testid="order-event">
              <time dateTime={e.at.toISOString()} className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
                {e.at.toISOString().replace("T", " ").slice(0, 19)}
              </time>
              <span className="font-medium">{e.kind.replace(/_/g, " ")}</span>
              {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? (
                <span>
                  {orderStatusLabels[e.fromStatus]} → {orderStatusLabels[e.toStatus]}
                </span>
              ) : null}
              <span className="text-xs text-zinc-500 dark:text-zinc-400">{e.source.replace(/_/g, " ")}</span>
            </li>
          ))}
        </ol>
        {movements.length ? (
          <>
            <h3 className="mt-4 mb-2 text-sm font-semibold">Wallet movements</h3>
            <ul className="space-y-1 text-sm" aria-label="Wallet movements of this order">
              {movements.map((m) => (
                <li key={m.id.toString()}>
                  {m.kind.replace(/_/g, " ")}: <span className="tabular-nums">{moneyText(m.amountMinor, m.currency)}</span> (balance after {moneyText(m.balanceAfterMinor, m.currency)})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
    </>
  );
}
