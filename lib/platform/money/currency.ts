import { iso4217Exponents } from "./iso-4217";

/**
 * The currencies our providers and forms use (filters, thresholds, order forms offer these). Amounts inside the app are
 * always integers in minor units (bigint) with their currency; conversion to a provider's
 * decimal major units happens only in that provider's client, through these functions.
 */
export const currencyExponents = {
  HKD: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  UZS: 2,
  RUB: 2,
  SGD: 2,
  AUD: 2,
  CAD: 2,
  INR: 2,
  CNY: 2,
  JPY: 0,
  KRW: 0,
  VND: 0,
  KWD: 3,
  BHD: 3,
} as const;

export type CurrencyCode = keyof typeof currencyExponents;

export function isCurrencyCode(value: string): value is CurrencyCode {
  return Object.hasOwn(currencyExponents, value);
}

/**
 * True for every active ISO 4217 currency (exponent known). A provider may still send a code
 * outside it (a new or made-up code): such a payment is stored with the code and the minor
 * units as received and shown for review, never converted or refunded (see README, Payments).
 */
export function isKnownCurrency(currency: string): boolean {
  return Object.hasOwn(iso4217Exponents, currency);
}

export class UnknownCurrencyError extends RangeError {
  override name = "UnknownCurrencyError";
}

export function currencyExponent(currency: string): number {
  const exponent = Object.hasOwn(iso4217Exponents, currency) ? iso4217Exponents[currency] : undefined;
  if (exponent === undefined) throw new UnknownCurrencyError(`unsupported currency ${currency}`);
  return exponent;
}

/** The one sentence a payment in a currency we do not know carries wherever it is shown. */
export function unknownCurrencyNotice(currency: string): string {
  return `Needs review: currency ${currency} is not one we know; amounts are shown in the provider's minor units.`;
}

export class AmountPrecisionError extends RangeError {
  override name = "AmountPrecisionError";
}
