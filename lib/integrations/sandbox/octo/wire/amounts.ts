import { majorToMinor, minorToMajorString } from "@/lib/platform/money/convert";
import type { OctoCurrency } from "./currencies";
import { OctoDecimal } from "./decimal-json";

/**
 * [DOC, providers.md §2.2] "Amounts are decimal numbers in major units, for example 103.33 USD or
 * 1000.00 UZS": a JSON number or decimal string → exact minor units; a finer amount throws
 * AmountPrecisionError (answered with error 1) instead of being rounded.
 */
export function parseOctoAmount(value: number | string, currency: OctoCurrency): bigint {
  return majorToMinor(value, currency);
}

/** Minor units → the decimal OCTO writes on the wire with its exact digits (1000.00). */
export function octoDecimal(minor: string | bigint, currency: OctoCurrency): OctoDecimal {
  return new OctoDecimal(minorToMajorString(BigInt(minor), currency));
}
