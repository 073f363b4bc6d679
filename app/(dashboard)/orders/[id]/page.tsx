import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EsimActivation } from "@/components/orders/esim-activation";
import { LiveOrderStatus } from "@/components/orders/live-order-status";
import { moneyText } from "@/components/orders/money-text";
import { failureSentence } from "@/components/orders/order-failure";
import { deliveredCodeCount, orderMoneyView } from "@/components/orders/order-money";
import { verticalLabels } from "@/components/orders/order-labels";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { VoucherCodes } from "@/components/orders/voucher-codes";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { can } from "@/lib/domain/auth/permissions";
import { getDb } from "@/lib/platform/db/client";
import { mayRevealOrderSecrets } from "@/lib/domain/orders/code-access";
import { esimSummaryOf, rememberEsimIccid, type EsimSummary } from "@/lib/domain/orders/esim-activation";
import { getOrderDetail, orderStatusSummary, parseOrderId, retryHref } from "@/lib/domain/orders/order-detail";
import { orderStatusLabels } from "@/lib/domain/orders/order-status";
import { requestCertainlyOverMs } from "@/lib/domain/orders/reconcile/order-check-schedule";
import { octopusCardsClient } from "@/lib/integrations/providers/clients";
import { isOctopusCardsError } from "@/lib/integrations/providers/octopus-cards/errors";
import { withDisplayZone } from "@/lib/platform/time-zone/display-zone";
import { displayZoneOf } from "@/lib/platform/time-zone/request-zone";
import { firstValues } from "@/lib/platform/url/search-params";
import { ZonedTime } from "@/components/ui/zoned-time";
import { log } from "@/lib/platform/log/logger";

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
 * The eSIM as the provider shows it now, asked on each view; null when it did not answer. The
 * activation code is dropped here, so it never reaches the page (HTML or RSC payload): only the
 * audited reveal returns it. The ICCID is kept the first time it is seen (after the provider call,
 * a plain update), because the provider stops returning it once the eSIM is installed.
 */
async function esimFromProvider(order: {
  id: string;
  providerOrderId: number;
  esimIccid: string | null;
}): Promise<EsimSummary | null> {
  try {
    const esim = await octopusCardsClient().getEsimOrder(order.providerOrderId);
    if (order.esimIccid === null) await rememberEsimIccid(getDb(), order.id, esim.iccid);
    return esimSummaryOf(esim);
  } catch (error) {
    if (!isOctopusCardsError(error)) throw error;
    log.error({ orderId: order.id, code: error.code }, "order page: eSIM details could not be read");
    return null;
  }
}

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission("orders:read");
  const timeZone = await displayZoneOf(firstValues(await searchParams).tz);
  const id = parseOrderId((await params).id);
  const detail = id ? await getOrderDetail(getDb(), id) : null;
  if (!detail) notFound();
  const { order, events, movements, retries } = detail;
  const refund = movements.find((m) => m.kind === "order_refund" || m.kind === "order_debit_released");
  const canCreate = can(user.role, "orders:create");
  // Balances are wallet data: a role without wallet:read (ops) sees amounts of this order, never a balance.
  const canSeeWallet = can(user.role, "wallet:read");
  const canReveal = mayRevealOrderSecrets({ userId: user.id, role: user.role }, order);
  const money = orderMoneyView(order, movements);
  const failure = failureSentence(order);
  const outcomeOpen = order.status === "unknown" || order.status === "placing";
  const showsEsim =
    order.vertical === "esim" &&
    order.providerOrderId !== null &&
    (order.status === "delivered" || order.status === "pending");
  const esim =
    showsEsim && order.providerOrderId !== null
      ? await esimFromProvider({ id: order.id, providerOrderId: order.providerOrderId, esimIccid: order.esimIccid })
      : null;
  const { inputData = {}, email: codesEmail } = order.details as {
    inputData?: Record<string, unknown>;
    email?: string;
  };

  return (
    <>
      <PageHeader
        title={`${verticalLabels[order.vertical]}: ${order.productName}`}
        description={`Order ${order.id}`}
        actions={
          <Link href={withDisplayZone("/orders", timeZone)} className="text-sm underline">
            Back to orders
          </Link>
        }
      />
      {outcomeOpen ? (
        <div
          role="note"
          aria-label="Checking this order"
          className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100"
          data-testid="order-checking"
        >
          <p>
            We are checking with Octopus Cards whether this order went through, until{" "}
            <ZonedTime value={new Date(order.createdAt.getTime() + requestCertainlyOverMs)} timeZone={timeZone} /> (
            {timeZone}) at the latest. Do not order it again: if Octopus Cards did take it, a second order would be
            charged and delivered twice. The money stays held until we know.
          </p>
        </div>
      ) : null}
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
            <Row label="Money">
              <span data-testid="order-money">{money.sentence}</span>
            </Row>
            <Row label={money.lines[0].label}>
              <span data-testid="order-charge">{money.lines[0].text}</span> from wallet #{order.walletId}
            </Row>
            <Row label={money.lines[1].label}>
              <span data-testid="order-given-back">{money.lines[1].text}</span>
            </Row>
            <Row label={money.lines[2].label}>
              <span data-testid="order-net">{money.lines[2].text}</span>
            </Row>
            {Object.entries(inputData).map(([key, value]) => (
              <Row key={key} label={key.replace(/_/g, " ")}>
                {String(value)}
              </Row>
            ))}
            {codesEmail ? <Row label="Codes sent to">{codesEmail}</Row> : null}
            <Row label="client_reference">
              <code className="text-xs" data-testid="client-reference">
                {order.clientReference}
              </code>
            </Row>
            <Row label="Provider order">{order.providerOrderId ?? "—"}</Row>
            <Row label={`Placed (${timeZone})`}>
              <ZonedTime value={order.createdAt} timeZone={timeZone} />
            </Row>
            {order.retryOf ? (
              <Row label="Retry of">
                <Link href={withDisplayZone(`/orders/${order.retryOf}`, timeZone)} className="underline">
                  the failed order
                </Link>
              </Row>
            ) : null}
            {retries.map((r) => (
              <Row key={r.id} label="Retried as">
                <Link href={withDisplayZone(`/orders/${r.id}`, timeZone)} className="underline">
                  {r.id}
                </Link>{" "}
                <OrderStatusBadge status={r.status} />
              </Row>
            ))}
          </dl>
        </Card>

        {order.status === "failed" || order.status === "cancelled" ? (
          <Card title={order.status === "failed" ? "Why it failed" : "Cancelled"}>
            {failure ? (
              <p className="text-sm" data-testid="failure-reason">
                {failure}
                {order.failureCode ? (
                  <span className="ml-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">{order.failureCode}</span>
                ) : null}
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
              <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
                This cannot be fixed by changing the order; contact Octopus Cards support if it repeats.
              </p>
            ) : null}
            {refund ? (
              <p className="mt-3 text-sm" data-testid="order-refund">
                {refund.kind === "order_refund"
                  ? "Refunded automatically to the wallet"
                  : "Released to the wallet (never charged)"}
                : {moneyText(refund.amountMinor, refund.currency)}
                {canSeeWallet ? (
                  <>
                    , balance after {moneyText(refund.balanceAfterMinor, refund.currency)}.{" "}
                    <Link
                      href={`/wallet?wallet=${order.walletId}#movement-${refund.id.toString()}`}
                      className="underline"
                    >
                      See it in the wallet ledger
                    </Link>
                  </>
                ) : (
                  "."
                )}
              </p>
            ) : null}
          </Card>
        ) : null}

        {order.vertical === "voucher" && (order.status === "delivered" || order.status === "partially_delivered") ? (
          <Card title="Voucher codes">
            <VoucherCodes orderId={order.id} count={deliveredCodeCount(order)} canReveal={canReveal} />
          </Card>
        ) : null}

        {showsEsim || order.esimIccid ? (
          <Card title="eSIM activation">
            {showsEsim && !esim ? (
              <p className="mb-3 text-sm text-red-600 dark:text-red-400">
                Octopus Cards did not return the eSIM&apos;s details just now; reload the page in a minute to try again.
              </p>
            ) : null}
            <EsimActivation
              esim={esim}
              kept={{ iccid: order.esimIccid, activationStatus: order.esimActivationStatus }}
              orderId={order.id}
              canReveal={canReveal}
            />
          </Card>
        ) : null}
      </div>

      <Card title="Timeline" className="mt-4">
        <ol className="space-y-2 text-sm" aria-label="Order timeline">
          {events.map((e) => (
            <li key={e.id.toString()} className="flex flex-wrap gap-x-3" data-testid="order-event">
              <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                <ZonedTime value={e.at} timeZone={timeZone} /> {timeZone}
              </span>
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
                  {m.kind.replace(/_/g, " ")}:{" "}
                  <span className="tabular-nums">{moneyText(m.amountMinor, m.currency)}</span>
                  {canSeeWallet ? ` (balance after ${moneyText(m.balanceAfterMinor, m.currency)})` : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
    </>
  );
}
