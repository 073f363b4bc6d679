"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { checkAmount, rangeText } from "@/lib/domain/orders/amount-range";

/**
 * An amount typed for a product with a range: the range is shown under the field, and an amount
 * outside it stops the quote form in the browser with a sentence naming the range (the quote
 * step checks again on the server).
 */
export function RangedAmountInput({
  id,
  label,
  noun,
  currency,
  min,
  max,
}: {
  id: string;
  label: string;
  noun: "Amount" | "Denomination";
  currency: string;
  min: string;
  max: string;
}) {
  const range = { min: BigInt(min), max: BigInt(max), currency };
  const [error, setError] = useState<string | null>(null);
  const validate = (input: HTMLInputElement) => {
    const checked = checkAmount(input.value, range, noun);
    input.setCustomValidity(checked.ok ? "" : checked.message);
    return checked;
  };
  return (
    <div className="text-sm">
      <label htmlFor={id} className="mb-1 block text-xs">
        {label}
      </label>
      <input
        id={id}
        name="amount"
        inputMode="decimal"
        required
        ref={(input) => {
          if (input) validate(input);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-range${error ? ` ${id}-error` : ""}`}
        className={`${inputClass} w-28`}
        onChange={(event) => {
          const checked = validate(event.currentTarget);
          if (checked.ok) setError(null);
        }}
        onInvalid={(event) => {
          event.preventDefault();
          const checked = validate(event.currentTarget);
          setError(checked.ok ? null : checked.message);
        }}
      />
      <p id={`${id}-range`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        {rangeText(range).replace(/^b/, "B")}
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 max-w-48 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
