import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";

/**
 * Change the amount (or quantity) and ask for a new quote: every other choice travels along, and
 * the quote gets a new client_reference, since it is a different order. This is how Edit and
 * retry lets the merchant fix an amount the provider refused.
 */
export function AmountChangeForm({ params }: { params: Record<string, string> }) {
  const { amount, quantity, reference, ...rest } = params;
  void reference;
  return (
    <Card title="Change the amount" className="mt-4">
      <form
        method="get"
        action="/orders/new/quote"
        aria-label="Change the amount"
        className="flex flex-wrap items-end gap-3"
      >
        {Object.entries(rest).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="text-sm">
          <label htmlFor="change-amount" className="mb-1 block text-xs">
            Amount
          </label>
          <input
            id="change-amount"
            name="amount"
            inputMode="decimal"
            required
            defaultValue={amount ?? ""}
            className={`${inputClass} w-32`}
          />
        </div>
        {params.vertical === "voucher" ? (
          <div className="text-sm">
            <label htmlFor="change-quantity" className="mb-1 block text-xs">
              Quantity
            </label>
            <input
              id="change-quantity"
              name="quantity"
              type="number"
              min={1}
              max={100}
              defaultValue={quantity ?? "1"}
              className={`${inputClass} w-20`}
            />
          </div>
        ) : null}
        <button type="submit" className={buttonClass("secondary")}>
          New quote
        </button>
      </form>
    </Card>
  );
}
