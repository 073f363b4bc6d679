import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { defaultWalletFor } from "@/lib/domain/orders/wallet/wallet-standing";
import type { WalletChoice } from "./wallet-choices";

/**
 * A GET form to the quote step: the chosen product (hidden fields), what the caller adds
 * (amount, quantity), the wallet to charge (by default one in the product's currency, so no FX
 * fee) and the catalogue URL to come back to. Nothing is ordered or debited by it.
 */
export function QuoteLinkForm({
  id,
  label,
  hidden,
  wallets,
  productCurrency,
  back,
  children,
}: {
  id: string;
  label: string;
  hidden: Record<string, string | undefined>;
  wallets: WalletChoice[];
  productCurrency: string;
  back: string;
  children?: ReactNode;
}) {
  return (
    <form method="get" action="/orders/new/quote" aria-label={label} className="flex flex-wrap items-end gap-2">
      {Object.entries({ ...hidden, back }).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      {children}
      <div className="text-sm">
        <label htmlFor={`${id}-wallet`} className="mb-1 block text-xs">
          Wallet
        </label>
        <select
          id={`${id}-wallet`}
          name="walletId"
          className={inputClass}
          defaultValue={String(defaultWalletFor(wallets, productCurrency)?.id ?? "")}
        >
          {wallets.map((w) => (
            <option key={w.id} value={w.id}>
              {w.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Get quote
      </button>
    </form>
  );
}
