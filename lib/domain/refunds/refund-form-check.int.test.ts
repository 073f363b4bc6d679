import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/drizzle/schema/payments";
import { validationFailure } from "@/lib/platform/refusal";
import { AppError } from "@/lib/platform/errors";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { issueRefund } from "./issue-refund";
import { checkRefundForm, type RefundFormValues } from "./refund-form-check";
import { issueRefundInput } from "./refund-input";
import { startRefundsHarness, type RefundsHarness } from "./testing/refunds-harness";

/** The server's answer about the amount, as the dialog receives it: accepted, or the amount's field errors. */
async function serverAmountErrors(h: RefundsHarness, paymentId: string, values: RefundFormValues): Promise<string[]> {
  const parsed = issueRefundInput.safeParse({
    paymentId,
    ...values,
    amount: values.kind === "partial" ? values.amount : undefined,
    reason: "customer_request",
    idempotencyKey: crypto.randomUUID(),
  });
  if (!parsed.success)
    return validationFailure(parsed.error).fieldErrors?.amount ?? ["(refused without an amount error)"];
  try {
    await issueRefund(h.deps, h.finance, parsed.data);
    return [];
  } catch (error) {
    if (error instanceof AppError) return error.options.fieldErrors?.amount ?? [`(refused: ${error.userMessage})`];
    throw error;
  }
}

describe(`the refund dialog's checks give the server's answer [${testDatabaseKind}]`, () => {
  let h: RefundsHarness;
  beforeAll(async () => {
    h = await startRefundsHarness({ timeoutMs: 1_500 });
  }, 180_000);
  afterAll(async () => h?.close());

  const partial = (amount: string): RefundFormValues => ({ kind: "partial", amount });
  const full: RefundFormValues = { kind: "full", amount: "" };

  // In order on one payment per provider: accepted refunds reserve money, so later rows see less refundable.
  const table: [method: "checkout_api" | "octo", amount: string, currency: string, rows: RefundFormValues[]][] = [
    [
      "checkout_api",
      "100.00",
      "HKD",
      [
        partial("12,5"),
        partial("10.005"),
        partial("0"),
        partial("10.05"),
        partial("150.00"),
        partial("1,0.00"),
        partial("30.00"),
        partial("80.00"),
        full,
        full,
      ],
    ],
    [
      "octo",
      "150000.00",
      "UZS",
      [partial("10000.00"), partial("150000.01"), partial("20,000.00"), partial("140000.00"), full],
    ],
    ["octo", "50.00", "USD", [partial("0.99"), partial("1.001"), partial("1.00"), partial("49.00"), partial("49.01")]],
  ];

  it.each(table)(
    "%s %s %s: every row is judged alike by the dialog and the server",
    async (method, amount, currency, rows) => {
      const { id } = await h.capturedPayment(method, amount, currency);
      const seen: [RefundFormValues, string[], string[]][] = [];
      for (const values of rows) {
        const [payment] = await h.db.select().from(payments).where(eq(payments.id, id));
        if (!payment) throw new Error("payment vanished");
        const dialog = checkRefundForm(payment, values, { sandboxTriggers: h.deps.sandboxTriggers });
        seen.push([values, dialog.amountErrors, await serverAmountErrors(h, id, values)]);
      }
      for (const [values, dialog, server] of seen) expect({ values, dialog }).toEqual({ values, dialog: server });
      // Some rows were refused and some were sent: the table proves both ways.
      expect(seen.some(([, dialog]) => dialog.length === 0)).toBe(true);
      expect(seen.some(([, dialog]) => dialog.length > 0)).toBe(true);
    },
    120_000,
  );
});
