import { majorToMinor, minorToMajorString } from "@/lib/platform/money/convert";
import { AmountPrecisionError } from "@/lib/platform/money/currency";
import { OctoDecimal } from "./decimal-json";

import { isOctoCurrency, type OctoCurrency } from "./currencies";

export { isOctoCurrency, type OctoCurrency } from "./currencies";

/** App amount (bigint minor units) → OCTO's decimal major units, exactly: 15000000n UZS → 150000.00. */
export function toOctoAmount(minor: bigint, currency: OctoCurrency): OctoDecimal {
  if (!isOctoCurrency(currency)) throw new RangeError(`OCTO does not accept ${String(currency)}`);
  if (minor < 0n) throw new AmountPrecisionError("OCTO amounts are never negative");
  return new OctoDecimal(minorToMajorString(minor, currency));
}

/** OCTO's decimal (JSON number or string) → bigint minor units; refuses finer amounts instead of rounding. */
export function fromOctoAmount(value: number | string, currency: OctoCurrency): bigint {
  if (!isOctoCurrency(currency)) throw new RangeError(`OCTO does not accept ${String(currency)}`);
  return majorToMinor(value, currency);
}
