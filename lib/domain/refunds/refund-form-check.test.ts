import { describe, expect, it } from "vitest";
import { checkRefundForm, refundBlockedSentence, refundRuleLine } from "./refund-form-check";
import type { RefundablePayment } from "./refund-rules";

const octopus = (capturedMinor: bigint, refundReservedMinor = 0n, status = "captured"): RefundablePayment => ({
  provider: "checkout",
  status,
  currency: "HKD",
  capturedMinor,
  refundReservedMinor,
});
const octo = (
  currency: string,
  capturedMinor: bigint,
  refundReservedMinor = 0n,
  status = "captured",
): RefundablePayment => ({ provider: "octo", status, currency, capturedMinor, refundReservedMinor });
const partial = (amount: string) => ({ kind: "partial" as const, amount });
const full = { kind: "full" as const, amount: "" };

describe("the refund dialog's checks as the user types", () => {
  // Each row: what the server answers for the amount (issue-refund.ts, refund-rules.ts), word for word.
  const cases: [string, RefundablePayment, { kind: "full" | "partial"; amount: string }, bigint | null, string[]][] = [
    ["Octopus: a tidy partial amount", octopus(10_000n), partial("20.00"), 2_000n, []],
    ["thousands separators are read", octopus(200_000n), partial("1,000.00"), 100_000n, []],
    ["nothing typed yet is left to the server's required-field answer", octopus(10_000n), partial("  "), null, []],
    [
      "text that is not an amount",
      octopus(10_000n),
      partial("12,5"),
      null,
      ["must be a number such as 125.50 or 1,250.00"],
    ],
    [
      "a negative amount is not an amount",
      octopus(10_000n),
      partial("-5.00"),
      null,
      ["must be a number such as 125.50 or 1,250.00"],
    ],
    ["more decimals than HKD has", octopus(10_000n), partial("10.005"), null, ["has more decimals than HKD allows"]],
    ["zero", octopus(10_000n), partial("0.00"), 0n, ["must be greater than zero"]],
    [
      "Octopus amounts end in 0",
      octopus(10_000n),
      partial("10.05"),
      1_005n,
      ["HK$10.05 must be a multiple of HK$0.10: Octopus refund amounts end in 0"],
    ],
    ["a sandbox trigger ending is let through", octopus(10_000n), partial("10.51"), 1_051n, []],
    [
      "more than still refundable",
      octopus(10_000n, 3_000n),
      partial("80.00"),
      8_000n,
      [
        "HK$80.00 is more than the HK$70.00 still refundable (captured HK$100.00, HK$30.00 already refunded or in flight)",
      ],
    ],
    ["full: what is still refundable", octopus(10_000n, 3_000n), full, 7_000n, []],
    ["full: nothing left", octopus(10_000n, 10_000n), full, null, ["is zero: nothing is left to refund"]],
    [
      "Octopus: only captured payments",
      octopus(10_000n, 0n, "authorized"),
      partial("10.00"),
      1_000n,
      ["only a captured payment can be refunded (this one is authorized)"],
    ],
    [
      "OCTO: below 1 USD in UZS",
      octo("UZS", 15_000_000n),
      partial("10000.00"),
      1_000_000n,
      ["UZS\u00a010,000.00 is below OCTO's minimum of 1 USD (UZS\u00a012,650.00)"],
    ],
    ["OCTO: 1 USD exactly", octo("USD", 10_000n), partial("1.00"), 100n, []],
    [
      "OCTO: below 1 USD",
      octo("USD", 10_000n),
      partial("0.99"),
      99n,
      ["$0.99 is below OCTO's minimum of 1 USD ($1.00)"],
    ],
    [
      "OCTO: above 10,000,000 UZS per refund",
      octo("UZS", 2_000_000_000n),
      partial("10,000,000.01"),
      1_000_000_001n,
      ["UZS\u00a010,000,000.01 is above OCTO's limit of 10,000,000 UZS per refund (UZS\u00a010,000,000.00)"],
    ],
    [
      "OCTO: a payment that has not succeeded",
      octo("RUB", 100_000n, 0n, "authorized"),
      partial("100.00"),
      10_000n,
      ["OCTO refunds only succeeded payments"],
    ],
    [
      "a currency we do not know",
      { ...octopus(10_000n), currency: "ZZZ" },
      partial("10.00"),
      null,
      [expect.stringContaining("a currency we do not know") as unknown as string],
    ],
  ];

  it.each(cases)("%s", (_name, payment, values, amountMinor, amountErrors) => {
    const check = checkRefundForm(payment, values, { sandboxTriggers: true });
    expect(check.amountMinor).toBe(amountMinor);
    expect(check.amountErrors).toEqual(amountErrors);
  });

  it("without sandbox triggers an amount ending in 51 is held to the Octopus rule", () => {
    expect(checkRefundForm(octopus(10_000n), partial("10.51"), { sandboxTriggers: false }).amountErrors).toEqual([
      "HK$10.51 must be a multiple of HK$0.10: Octopus refund amounts end in 0",
    ]);
  });

  it("only the typed text's own faults are shown on the field", () => {
    expect(checkRefundForm(octopus(10_000n), partial("abc"), { sandboxTriggers: true }).unreadable).toBe(true);
    expect(checkRefundForm(octopus(10_000n), partial("10.05"), { sandboxTriggers: true }).unreadable).toBe(false);
  });

  it("says why Issue refund is off in one sentence, in the user's words", () => {
    expect(refundBlockedSentence(["must be greater than zero"])).toBe(
      "Issue refund is off until this is fixed: the amount must be greater than zero.",
    );
    expect(
      refundBlockedSentence([
        "HK$10.05 must be a multiple of HK$0.10: Octopus refund amounts end in 0",
        "only a captured payment can be refunded (this one is authorized)",
      ]),
    ).toBe(
      "Issue refund is off until this is fixed: HK$10.05 must be a multiple of HK$0.10: Octopus refund amounts end in 0; only a captured payment can be refunded (this one is authorized).",
    );
    expect(refundRuleLine("is zero: nothing is left to refund")).toBe("The amount is zero: nothing is left to refund");
  });
});
