import { majorToMinor, minorToMajorString } from "@/lib/platform/money/convert";
import { currencyExponent } from "@/lib/platform/money/currency";
import { validationFailure } from "./responses";

/**
 * Simulator money: integers in minor units (safe integers, JSON-storable), converted to the
 * wire's major-unit JSON numbers only when an entity is written out.
 */
export function toMinor(major: number, currency: string): number {
  try {
    return Number(majorToMinor(major, currency));
  } catch {
    throw validationFailure(`amount ${major} has too many decimal places for ${currency}`);
  }
}

export function toMajorString(minor: number, currency: string): string {
  return minorToMajorString(BigInt(minor), currency);
}

export function toMajor(minor: number, currency: string): number {
  return Number(toMajorString(minor, currency));
}

/** [OURS] fixed sandbox FX: units of each currency per 1 USD, scaled by 10,000 (1 USD = 7.80 HKD). */
const perUsdScaled: Record<string, bigint> = {
  USD: 10_000n,
  HKD: 78_000n,
  INR: 830_000n,
  EUR: 9_200n,
  GBP: 7_900n,
  SGD: 13_500n,
  JPY: 1_500_000n,
};

/** [OURS] conversion fee on cross-currency orders: 1% (in basis points). */
export const conversionFeeBp = 100;

function rate(currency: string): bigint {
  const value = perUsdScaled[currency];
  if (value === undefined) throw new RangeError(`no sandbox FX rate for ${currency}`);
  return value;
}

/** Rounds numerator / denominator half up (both positive). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

export function convertMinor(minor: number, from: string, to: string): number {
  if (from === to) return minor;
  const numerator = BigInt(minor) * rate(to) * 10n ** BigInt(currencyExponent(to));
  const denominator = rate(from) * 10n ** BigInt(currencyExponent(from));
  return Number(divideRounded(numerator, denominator));
}

/** Destination units per source unit, to 6 decimal places (what charges_details.forex_rate shows). */
export function forexRate(from: string, to: string): number {
  return Number(divideRounded(rate(to) * 1_000_000n, rate(from))) / 1_000_000;
}

/** A percentage of an amount (basis points), rounded half up to the minor unit. */
export function percentOf(minor: number, basisPoints: number): number {
  return Number(divideRounded(BigInt(minor) * BigInt(basisPoints), 10_000n));
}
