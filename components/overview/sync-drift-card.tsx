import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { PaymentProviderName } from "@/drizzle/schema/payments";
import { paymentProviderLabels } from "@/lib/integrations/providers/provider-labels";

const linkClass = "text-blue-700 underline dark:text-blue-300";

/** Reconciliation drift per provider: payments whose latest sync found the provider saying otherwise, each a link to those payments. */
export function SyncDriftCard({
  drift,
  withZone,
}: {
  drift: { provider: PaymentProviderName; count: number }[];
  withZone: (href: string) => string;
}) {
  return (
    <Card title="Reconciliation" className="min-w-0">
      <ul className="space-y-2 text-sm" data-testid="sync-drift">
        {drift.map(({ provider, count }) => {
          const label = paymentProviderLabels[provider];
          return (
            <li key={provider} data-testid={`sync-drift-${provider}`}>
              {count === 0 ? (
                `${label}: no payment's latest sync disagreed with it.`
              ) : (
                <>
                  {label}:{" "}
                  <Link href={withZone(`/payments?provider=${provider}&sync=disagreed`)} className={linkClass}>
                    {count.toLocaleString("en-US")} {count === 1 ? "payment" : "payments"}
                  </Link>{" "}
                  whose latest sync found {label} disagreeing; the ledger was left as it was.
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
        Payments are compared when someone syncs them; the payment&apos;s timeline shows both sides.
      </p>
    </Card>
  );
}
