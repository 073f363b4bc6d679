/**
 * ISO 4217 minor-unit exponents of the currencies our providers use. Amounts inside the app are
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

export function currencyExponent(currency: string): number {
  if (!isCurrencyCode(currency)) throw new RangeError(`unsupported currency ${currency}`);
  return currencyExponents[currency];
}

export class AmountPrecisionError extends RangeError {
  override name = "AmountPrecisionError";
}
