import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import { AppError } from "@/lib/platform/errors";
import { formatMinor } from "@/lib/platform/money/convert";
import type { CheckoutPayment } from "@/lib/integrations/providers/checkout/types";
import { issueRefund } from "@/lib/domain/refunds/issue-refund";
import { checkRefundRules } from "@/lib/domain/refunds/refund-rules";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { webhookPost, webhookRouteDatabase } from "@/lib/tooling/testing/webhook-route-handlers";
import { checkoutHeaders, webhookRequest } from "@/lib/tooling/testing/webhook-requests";
import { paymentsCsv } from "./export/payments-csv";
import { importPayment } from "./import-payment";
import { parsePaymentListParams } from "./list/params";
import { listPayments } from "./list/query";
import { getPaymentDetail } from "./payment-detail";
import type { PaymentReaders } from "@/lib/integrations/providers/provider-clients";
import { recentExternalPayments } from "./recent-external";
import { paymentAmounts } from "./refund-totals";

vi.mock("server-only", () => ({}));

let counter = 0;
const payId = () => `pay_${`cur${Date.now().toString(36)}${(++counter).toString(36)}`.padEnd(26, "z").slice(0, 26)}`;

function capturedEvent(providerPaymentId: string, currency: string, amount: number): string {
  return JSON.stringify({
    id: `evt_${providerPaymentId}`,
    type: "payment_captured",
    created_on: new Date().toISOString(),
    data: { id: providerPaymentId, amount, currency, reference: `REF-${providerPaymentId.slice(4, 14)}` },
  });
}

async function drain(generator: AsyncGenerator<string, unknown>): Promise<string> {
  let text = "";
  for await (const chunk of generator) text += chunk;
  return text;
}

/**
 * A signed Checkout.com event in a currency outside our table used to create a payment whose
 * page, list row, export and import then threw. Now ZZZ (not ISO 4217) is stored with its code
 * and minor units as received, shown for review and refused for refunds; THB (ISO, exponent 2)
 * is simply known.
 */
describe(`provider events in an unknown currency [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  const deliveries = { ZZZ: { id: payId(), amount: 12_345 }, THB: { id: payId(), amount: 50_000 } };
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await webhookRouteDatabase();
    for (const [currency, d] of Object.entries(deliveries)) {
      const body = capturedEvent(d.id, currency, d.amount);
      const response = await webhookPost.checkout(webhookRequest("checkout", body, checkoutHeaders(body)));
      expect(response.status, currency).toBe(200);
      const [row] = await t.db.select().from(payments).where(eq(payments.providerPaymentId, d.id));
      ids[currency] = row!.id;
    }
  });
  afterAll(async () => t.dispose());

  it("records the payment with its code and the minor units as received", async () => {
    const [zzz] = await t.db.select().from(payments).where(eq(payments.id, ids.ZZZ!));
    expect(zzz).toMatchObject({
      currency: "ZZZ",
      amountMinor: 12_345n,
      capturedMinor: 12_345n,
      status: "captured",
      flow: "external",
    });
    const [thb] = await t.db.select().from(payments).where(eq(payments.id, ids.THB!));
    expect(thb).toMatchObject({ currency: "THB", amountMinor: 50_000n });
  });

  it("detail, amounts, list, export and the import page's list all answer for it", async () => {
    for (const currency of ["ZZZ", "THB"]) {
      const detail = await getPaymentDetail(t.db, ids[currency]!);
      expect(detail?.currency).toBe(currency);
      const amounts = await paymentAmounts(t.db, detail!);
      expect(amounts.capturedMinor).toBeGreaterThan(0n);
    }
    expect(formatMinor(12_345n, "ZZZ")).toBe("12345 ZZZ (minor units)");
    expect(formatMinor(50_000n, "THB")).toMatch(/^THB\s500\.00$/);

    const { rows } = await listPayments(t.db, parsePaymentListParams({}).filters);
    expect(rows.map((r) => r.currency)).toEqual(expect.arrayContaining(["ZZZ", "THB"]));
    const thbOnly = parsePaymentListParams({ currency: "THB", min: "499.99" });
    expect(thbOnly.error).toBeUndefined();
    expect((await listPayments(t.db, thbOnly.filters)).rows.map((r) => r.id)).toEqual([ids.THB]);

    const csv = await drain(paymentsCsv(t.db, parsePaymentListParams({}).filters));
    // Captured, refunded (none) and net, in minor and major units.
    expect(csv).toContain("total,captured,THB,1,50000,500.00,0,0.00,50000,500.00\r\n");
    // No exponent, no major amount: the minor units stand alone, never a guess.
    expect(csv).toContain("total,captured,ZZZ,1,12345,,0,,12345,\r\n");

    expect((await recentExternalPayments(t.db, 10)).map((p) => p.currency)).toEqual(
      expect.arrayContaining(["ZZZ", "THB"]),
    );
  });

  it("import by id of it answers (already in the ledger, synced) instead of throwing", async () => {
    const actor = actorOf(await makeUser(t.db, "ops"));
    const providerSays = (id: string): CheckoutPayment => ({
      id,
      status: "Captured",
      approved: true,
      amountMinor: 12_345n,
      currency: "ZZZ",
      reference: null,
      requestedOn: new Date(),
      balances: null,
      canRefund: true,
    });
    const readers = {
      checkout: { getPayment: async (id: string) => providerSays(id) },
      octo: { checkPaymentStatus: async () => Promise.reject(new Error("not used")) },
    } as unknown as PaymentReaders;
    const result = await importPayment(t.db, readers, { provider: "checkout", paymentId: deliveries.ZZZ.id }, actor);
    expect(result).toMatchObject({ kind: "already_in_ledger", paymentId: ids.ZZZ });
  });

  it("refuses a refund of it with a sentence, writing nothing", async () => {
    const [payment] = await t.db.select().from(payments).where(eq(payments.id, ids.ZZZ!));
    expect(checkRefundRules({ ...payment!, refundReservedMinor: 0n }, 100n, { sandboxTriggers: false })).toEqual([
      {
        rule: "UNKNOWN_CURRENCY",
        message: expect.stringMatching(
          /^This payment is in ZZZ, a currency we do not know, so it cannot be refunded here/,
        ),
      },
    ]);
    const actor = actorOf(await makeUser(t.db, "finance"));
    const deps = {
      db: t.db,
      clients: {} as never,
      sandboxTriggers: false,
      now: () => new Date(),
      providerNow: async () => new Date(),
    };
    for (const input of [
      {
        paymentId: ids.ZZZ!,
        kind: "full" as const,
        reason: "duplicate" as const,
        note: undefined,
        idempotencyKey: crypto.randomUUID(),
      },
      {
        paymentId: ids.ZZZ!,
        kind: "partial" as const,
        amount: "1.00",
        reason: "duplicate" as const,
        note: undefined,
        idempotencyKey: crypto.randomUUID(),
      },
    ]) {
      const error = await issueRefund(deps, actor, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("CONFLICT");
      expect((error as AppError).userMessage).toMatch(/currency we do not know/);
    }
    expect(await t.db.select().from(refunds).where(eq(refunds.paymentId, ids.ZZZ!))).toEqual([]);
  });
});
