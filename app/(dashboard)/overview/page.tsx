import type { Metadata } from "next";
import { DailyMoneyChart } from "@/components/overview/daily-money-chart";
import { MerchantOverview } from "@/components/overview/merchant-overview";
import { PaymentMoneyCards, type MoneyPeriod } from "@/components/overview/payment-money-cards";
import { RefundAgeingChart } from "@/components/overview/refund-ageing-chart";
import { RefundsGlance } from "@/components/overview/refunds-glance";
import { SyncDriftCard } from "@/components/overview/sync-drift-card";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { can } from "@/lib/domain/auth/permissions";
import { dailyPaymentMoney, paymentMoneyBetween } from "@/lib/domain/overview/payment-money";
import { refundAgeingByDay } from "@/lib/domain/overview/refund-ageing";
import { refundsAtAGlance, refusedWebhooksInLastHour } from "@/lib/domain/overview/refunds-at-a-glance";
import { syncDisagreementsByProvider } from "@/lib/domain/overview/sync-disagreements";
import { ensureWalletsOnce } from "@/lib/domain/wallet/ensure-wallets";
import { octopusCardsClient } from "@/lib/integrations/providers/clients";
import { getDb } from "@/lib/platform/db/client";
import { log } from "@/lib/platform/log/logger";
import { withDisplayZone } from "@/lib/platform/time-zone/display-zone";
import { displayZoneOf } from "@/lib/platform/time-zone/request-zone";
import { lastZoneDays, type ZoneDay } from "@/lib/platform/time-zone/zone-days";
import { firstValues } from "@/lib/platform/url/search-params";

export const metadata: Metadata = { title: "Overview" };

/** The payments list for the days from `first` to `last` in the zone: its totals are this period's figures. */
const paymentsListHref = (first: ZoneDay, last: ZoneDay, zone: string) =>
  withDisplayZone(`/payments?from=${first.date}&to=${last.date}`, zone);

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission("overview:read");
  const zone = await displayZoneOf(firstValues(await searchParams).tz);
  const now = new Date();
  const db = getDb();
  const days = lastZoneDays(now, zone, 30);
  const today = days.at(-1)!;
  const seeMoney = can(user.role, "payments:read");
  const seeRefunds = can(user.role, "refunds:read");
  const placesOrders = can(user.role, "orders:create");
  // A new merchant's first page: bring the prepaid wallets into our ledger once, as the Wallet page does.
  if (placesOrders)
    await ensureWalletsOnce(db, octopusCardsClient()).catch((error: unknown) =>
      log.error({ err: error }, "overview: Octopus Cards wallets could not be read"),
    );

  const [periods, daily, glance, refusedWebhooks, drift, ageing] = await Promise.all([
    seeMoney
      ? Promise.all(
          [
            { title: "Today", first: today },
            { title: "Last 7 days", first: days.at(-7)! },
            { title: "Last 30 days", first: days[0]! },
          ].map(async ({ title, first }): Promise<MoneyPeriod> => ({
            title,
            listHref: paymentsListHref(first, today, zone),
            money: await paymentMoneyBetween(db, first.start, today.end),
          })),
        )
      : null,
    seeMoney ? dailyPaymentMoney(db, days) : null,
    seeRefunds ? refundsAtAGlance(db, user.id, now) : null,
    can(user.role, "webhooks:read") ? refusedWebhooksInLastHour(db, now) : 0,
    seeMoney ? syncDisagreementsByProvider(db) : null,
    seeRefunds ? refundAgeingByDay(db, days, now) : null,
  ]);
  const chartCurrencies = [...new Set(periods?.at(-1)?.money.map((m) => m.currency) ?? [])];

  return (
    <>
      <PageHeader
        title="Overview"
        description={
          seeMoney
            ? `What needs a person, and the money of the payments made each day, midnight to midnight in ${zone}.`
            : `Your wallets, how long they last, and today's orders, midnight to midnight in ${zone}.`
        }
      />
      {glance ? (
        <section aria-labelledby="attention-heading" className="mb-8">
          <h2 id="attention-heading" className="sr-only">
            Refunds, webhooks and reconciliation
          </h2>
          <div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-4">
            <RefundsGlance
              glance={glance}
              refusedWebhooks={refusedWebhooks}
              showWebhooks={can(user.role, "webhooks:read")}
              withZone={(href) => withDisplayZone(href, zone)}
            />
            {drift ? <SyncDriftCard drift={drift} withZone={(href) => withDisplayZone(href, zone)} /> : null}
          </div>
          {ageing ? (
            <Card className="mt-4 min-w-0">
              <RefundAgeingChart points={ageing} timeZone={zone} />
            </Card>
          ) : null}
        </section>
      ) : null}
      {periods && daily ? (
        <section aria-labelledby="money-heading" className="mb-8">
          <h2 id="money-heading" className="mb-1 text-lg font-semibold">
            Money of the payments made
          </h2>
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
            By the day each payment was made: what was captured, what has been refunded of it since, and the net. The
            payments list gives the same totals for the same days.
          </p>
          <PaymentMoneyCards periods={periods} />
          {chartCurrencies.length ? (
            <div className="mt-4 grid gap-4">
              {chartCurrencies.map((currency) => (
                <Card key={currency} className="min-w-0">
                  <DailyMoneyChart currency={currency} days={daily} timeZone={zone} />
                </Card>
              ))}
            </div>
          ) : null}
        </section>
      ) : null}
      {/* People who place orders: the wallet they spend from and today's orders. */}
      {placesOrders ? <MerchantOverview timeZone={zone} now={now} /> : null}
    </>
  );
}
