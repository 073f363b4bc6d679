import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { Wallet } from "@/lib/providers/octopus-cards/types";
import { moneyText } from "../money-text";

/**
 * A GET form to the quote step: the chosen product (hidden fields), what the caller adds
 * (amount, quantity), and the wallet to charge. Nothing is ordered or debited by it.
 */
export function QuoteLinkForm({ id, label, hidden, wallets, children }: { id: string; label: string; hidden: Record<string, string | undefined>; wallets: Wallet[]; children?: ReactNode }) {
  return (
    <form method="get" action="/orders/new/quote" aria-label={label} className="flex flex-wrap items-end gap-2">
      {Object.entries(hidden).map(([name, value]) => (value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />))}
      {children}
      <div className="text-sm">
        <label htmlFor={`${id}-wallet`} className="mb-1 block text-xs">
          Wallet
        </label>
        <select id={`${id}-wallet`} name="walletId" className={inputClass} defaultValue={String(wallets[0]?.id ?? "")}>
          {wallets.map((w) => (
            <option key={w.id} value={w.id}>
              #{w.id} {w.balance.currency} ({moneyText(w.balance.minor, w.balance.currency)})
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
