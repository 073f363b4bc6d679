import { z } from "zod";
import { AppError } from "@/lib/platform/errors";
import { majorToMinor, typedAmountText } from "@/lib/platform/money/convert";
import { AmountPrecisionError, UnknownCurrencyError } from "@/lib/platform/money/currency";

/** A form's "amount" field refused with its rule, both on the field and in the summary line. */
export function amountFieldError(rule: string, form = "form"): AppError {
  return new AppError("VALIDATION_FAILED", `Check the ${form}: Amount ${rule}.`, { fieldErrors: { amount: [rule] } });
}

/**
 * A typed major-unit amount (thousands separators allowed: "1,000.00") → exact minor units of
 * the currency; more decimals than the currency has is the user's to fix, so it becomes a field
 * error, never a rounding.
 */
export function amountFieldToMinor(amount: string, currency: string, form = "form"): bigint {
  try {
    return majorToMinor(typedAmountText(amount) ?? amount, currency);
  } catch (error) {
    if (error instanceof UnknownCurrencyError)
      throw amountFieldError(`cannot be read in ${currency}, a currency we do not know`, form);
    if (error instanceof AmountPrecisionError)
      throw amountFieldError(`has more decimals than ${currency} allows`, form);
    throw error;
  }
}

/**
 * A form's typed major-unit amount, as the user types it ("1,000.00" too): required, and a plain
 * number; amountFieldToMinor then reads it in the currency.
 */
export const typedAmountInput = (example: string) =>
  z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .refine((amount) => typedAmountText(amount) !== null, `must be a number such as ${example}`);
