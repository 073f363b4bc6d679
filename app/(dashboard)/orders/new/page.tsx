import type { Metadata } from "next";
import Link from "next/link";
import { EsimCatalogue } from "@/components/orders/catalogue/esim-catalogue";
import { TopupCatalogue } from "@/components/orders/catalogue/topup-catalogue";
import { VoucherCatalogue } from "@/components/orders/catalogue/voucher-catalogue";
import { walletChoices } from "@/components/orders/catalogue/wallet-choices";
import { WalletStandingList } from "@/components/orders/catalogue/wallet-standing";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { can } from "@/lib/domain/auth/permissions";
import { getDb } from "@/lib/platform/db/client";
import type { OrderVertical } from "@/lib/domain/orders/order-status";
import { walletStandings } from "@/lib/domain/orders/wallet/wallet-standing";
import { octopusCardsClient } from "@/lib/integrations/providers/clients";
import { isOctopusCardsError } from "@/lib/integrations/providers/octopus-cards/errors";
import type { Wallet } from "@/lib/integrations/providers/octopus-cards/types";
import { firstValues, withParams } from "@/lib/platform/url/search-params";
import { log } from "@/lib/platform/log/logger";

export const metadata: Metadata = { title: "New order" };

const tabs: { vertical: OrderVertical; label: string }[] = [
  { vertical: "voucher", label: "Vouchers" },
  { vertical: "topup", label: "Topups" },
  { vertical: "esim", label: "eSIM" },
];

export default async function NewOrderPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission("orders:create");
  const params = firstValues(await searchParams);
  const vertical = tabs.find((t) => t.vertical === params.vertical)?.vertical ?? "voucher";
  const client = octopusCardsClient();
  let wallets: Wallet[] | null = null;
  try {
    wallets = (await client.listWallets()).items.filter((w) => w.type === "PREPAID");
  } catch (error) {
    if (!isOctopusCardsError(error)) throw error;
    log.error({ err: error }, "new order page: Octopus Cards wallets could not be read");
  }
  const standings = wallets && can(user.role, "wallet:read") ? await walletStandings(getDb(), wallets) : null;
  const choices = wallets ? walletChoices(wallets, standings) : [];
  // The catalogue as it is now (search, country, phone, product), for the quote step's Back link.
  const back = withParams("/orders/new", { ...params, vertical });
  const body = !wallets ? (
    <p role="alert" className="text-sm text-red-600 dark:text-red-400">
      Octopus Cards did not answer when we asked for your wallets, so nothing can be quoted yet and nothing was ordered.
      Reload the page to try again.
    </p>
  ) : vertical === "voucher" ? (
    <VoucherCatalogue client={client} params={params} wallets={choices} back={back} />
  ) : vertical === "topup" ? (
    <TopupCatalogue client={client} params={params} wallets={choices} back={back} />
  ) : (
    <EsimCatalogue client={client} params={params} wallets={choices} back={back} />
  );
  return (
    <>
      <PageHeader
        title="New order"
        description="Choose a voucher, topup or eSIM; you see the price and the wallet it is charged to before you confirm."
        actions={
          <Link href="/orders" className="text-sm underline">
            Back to orders
          </Link>
        }
      />
      {standings ? <WalletStandingList standings={[...standings.values()]} /> : null}
      <nav aria-label="Order type" className="mb-4 flex gap-2">
        {tabs.map((t) => (
          <Link
            key={t.vertical}
            href={`/orders/new?vertical=${t.vertical}`}
            aria-current={t.vertical === vertical ? "page" : undefined}
            className={buttonClass(t.vertical === vertical ? "primary" : "secondary")}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <Card title={tabs.find((t) => t.vertical === vertical)?.label ?? ""}>{body}</Card>
    </>
  );
}
