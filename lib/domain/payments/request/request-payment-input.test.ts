import { describe, expect, it } from "vitest";
import { requestPaymentInput } from "./request-payment-input";

const base = {
  method: "checkout_api",
  currency: "HKD",
  amount: "10.50",
  idempotencyKey: "5f0c7a8e-3b1d-4c2a-9e6f-1a2b3c4d5e6f",
};
const errorsOf = (raw: Record<string, unknown>) => {
  const parsed = requestPaymentInput.safeParse(raw);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("request-payment form input", () => {
  it("converts the typed major amount exactly into minor units", () => {
    expect(requestPaymentInput.parse(base).amountMinor).toBe(1050n);
    expect(requestPaymentInput.parse({ ...base, amount: " 0.1 " }).amountMinor).toBe(10n);
    expect(requestPaymentInput.parse({ ...base, amount: "1,000.50" }).amountMinor).toBe(100_050n);
    expect(
      requestPaymentInput.parse({ ...base, method: "octo", currency: "uzs", amount: "10000000" }).amountMinor,
    ).toBe(1_000_000_000n);
  });

  it("names the field and the rule for each bad value", () => {
    expect(errorsOf({ ...base, amount: "10.505" })).toEqual({ amount: "has more decimals than HKD allows" });
    expect(errorsOf({ ...base, amount: "1,00" })).toEqual({ amount: "must be a number such as 125.50 or 1,250.00" });
    expect(errorsOf({ ...base, amount: "0" })).toEqual({ amount: "must be greater than zero" });
    expect(errorsOf({ ...base, amount: "-5" })).toEqual({ amount: "must be greater than zero" });
    expect(errorsOf({ ...base, amount: "" })).toEqual({ amount: "is required" });
    expect(errorsOf({ ...base, amount: "99999999999999990" })).toEqual({
      amount: "is larger than the providers accept",
    });
    expect(errorsOf({ ...base, amount: "10.55" })).toEqual({ amount: "must be a multiple of 0.10 for Octopus" });
    expect(errorsOf({ ...base, method: "octo", currency: "USD", amount: "10.55" })).toEqual({});
    expect(errorsOf({ ...base, currency: "USD" })).toEqual({ currency: "must be one of HKD for this flow" });
    expect(errorsOf({ ...base, method: "octo" })).toEqual({ currency: "must be one of UZS, USD, RUB for this flow" });
    expect(errorsOf({ ...base, reference: "has space" })).toEqual({
      reference: "may contain only letters, digits, dot, dash and underscore",
    });
    expect(errorsOf({ ...base, customerEmail: "nope" })).toEqual({ customerEmail: "must be an email address" });
    expect(errorsOf({ ...base, idempotencyKey: "" })).toEqual({
      idempotencyKey: "is missing or malformed; reload the form",
    });
    expect(errorsOf({ ...base, method: "cash" })).toMatchObject({ method: "must be one of the offered flows" });
  });

  it("reports the amount rules together with other fields' errors", () => {
    expect(errorsOf({ ...base, amount: "12.345", reference: "has spaces" })).toEqual({
      amount: "has more decimals than HKD allows",
      reference: "may contain only letters, digits, dot, dash and underscore",
    });
  });

  it("drops empty optional fields and lower-cases the email", () => {
    const parsed = requestPaymentInput.parse({
      ...base,
      reference: "",
      description: "  ",
      customerEmail: "A@B.CO",
      customerName: "",
    });
    expect(parsed).toMatchObject({
      reference: undefined,
      description: undefined,
      customerEmail: "a@b.co",
      customerName: undefined,
    });
  });
});
