import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { CurrencyMoney } from "@/lib/domain/overview/payment-money";
import { formatMinor } from "@/lib/platform/money/convert";

export interface MoneyPeriod {
  title: string;
  /** The payments list for exactly these days, whose totals give the same figures. */
  listHref: string;
  money: CurrencyMoney[];
}

const payments = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "payment" : "payments"}`;

/** Captured, refunded and net per currency for each period, each with the payments behind it one click away. */
export function PaymentMoneyCards({ periods }: { periods: MoneyPeriod[] }) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {periods.map((period) => (
        <Card key={period.title} title={period.title} className="min-w-0">
          {period.money.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No payment made in this period was captured.</p>
          ) : (
            <dl className="space-y-3" data-testid={`money-${period.title}`}>
              {period.money.map((money) => (
                <div key={money.currency} data-testid={`money-${period.title}-${money.currency}`}>
                  <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
                    {money.currency} · {payments(money.capturedCount)} captured
                  </dt>
                  <dd className="text-lg font-semibold tabular-nums" data-testid="net">
                    {formatMinor(money.netMinor, money.currency)} net
                  </dd>
                  <dd className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
                    {formatMinor(money.capturedMinor, money.currency)} captured,{" "}
                    {formatMinor(money.refundedMinor, money.currency)} refunded
                  </dd>
                </div>
              ))}
            </dl>
          )}
          <p className="mt-3 text-sm">
            <Link href={period.listHref} className="text-blue-700 underline dark:text-blue-300">
              See these payments
            </Link>
          </p>
        </Card>
      ))}
    </div>
  );
}
