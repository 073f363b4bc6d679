import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, paymentEvents, payments } from "@/drizzle/schema";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { harnessStartTimeoutMs } from "@/lib/integrations/providers/octo/test-harness";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { importPaymentInput, type ImportPaymentInput } from "@/lib/app/validation/payments";
import { importPayment } from "./import-payment";
import { startPaymentsHarness, type PaymentsHarness } from "./testing/provider-fixtures";

let h: PaymentsHarness;
let db: Database;
let actor: AuditActor;
beforeAll(async () => {
  h = await startPaymentsHarness();
  db = h.database.db;
  actor = actorOf(await makeUser(db, "ops"));
}, harnessStartTimeoutMs);
afterAll(async () => h?.close());

const run = (input: ImportPaymentInput) => importPayment(db, h.readers, input, actor);
const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};
const rowsOf = (providerPaymentId: string) =>
  db.select().from(payments).where(eq(payments.providerPaymentId, providerPaymentId));
const timelineOf = (paymentId: string) =>
  db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId)).orderBy(paymentEvents.id);

describe(`import a payment by id [${testDatabaseKind}]`, () => {
  it("imports a Checkout.com payment as external, with a staff timeline event and an audit entry", async () => {
    const payId = await h.checkoutPayment({ amountMinor: 56_780n });
    const result = await run({ provider: "checkout", paymentId: payId });
    expect(result).toMatchObject({
      kind: "imported",
      provider: "checkout",
      providerPaymentId: payId,
      status: "captured",
      amount: "567.80 HKD",
    });
    const [row] = await rowsOf(payId);
    expect(row).toMatchObject({
      id: result.paymentId,
      flow: "external",
      status: "captured",
      providerStatus: "Captured",
      amountMinor: 56_780n,
      capturedMinor: 56_780n,
      currency: "HKD",
    });
    expect(row?.reference).toMatch(/^ORD-/);
    expect((await timelineOf(result.paymentId)).map((e) => [e.kind, e.source, e.actorUserId, e.toStatus])).toEqual([
      ["created_from_provider", "provider_poll", null, "captured"],
      ["imported", "staff", actor.userId, "captured"],
    ]);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "payment.imported"), eq(auditLog.targetId, result.paymentId)));
    expect(audit).toMatchObject({
      actorUserId: actor.userId,
      after: { provider: "checkout", providerPaymentId: payId, status: "captured", currencySource: "provider" },
    });
  });

  it("imports an OCTO payment by shop_transaction_id with the currency staff give", async () => {
    const octo = await h.octoPayment({ currency: "USD", totalMinor: 4_250n });
    const result = await run({ provider: "octo", paymentId: octo.shopTransactionId, currency: "USD" });
    expect(result).toMatchObject({
      kind: "imported",
      providerPaymentId: octo.uuid,
      status: "pending",
      amount: "42.50 USD",
    });
    expect((await rowsOf(octo.uuid))[0]).toMatchObject({
      flow: "external",
      status: "pending",
      providerStatus: "created",
      currency: "USD",
      reference: octo.shopTransactionId,
    });
    const imported = (await timelineOf(result.paymentId)).find((e) => e.kind === "imported");
    expect(imported?.detail).toMatchObject({ currencySource: "staff" });
  });

  it("asks for the currency of an OCTO payment the ledger does not know, and writes nothing", async () => {
    const octo = await h.octoPayment();
    const error = await refusal(run({ provider: "octo", paymentId: octo.shopTransactionId }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.options.fieldErrors?.currency?.[0]).toContain("OCTO's answers carry no currency");
    expect(await rowsOf(octo.uuid)).toHaveLength(0);
  });

  it("names the id field when the provider has no such payment", async () => {
    const auditsBefore = (await db.select().from(auditLog)).length;
    const checkout = await refusal(run({ provider: "checkout", paymentId: `pay_${"z".repeat(26)}` }));
    expect(checkout).toMatchObject({ code: "NOT_FOUND" });
    expect(checkout.options.fieldErrors?.paymentId?.[0]).toContain("Checkout.com has no payment");

    const octo = await refusal(run({ provider: "octo", paymentId: "never-made-here", currency: "UZS" }));
    expect(octo).toMatchObject({ code: "NOT_FOUND" });
    expect(octo.options.fieldErrors?.paymentId?.[0]).toContain('shop_transaction_id "never-made-here"');

    const uuid = await refusal(run({ provider: "octo", paymentId: crypto.randomUUID(), currency: "UZS" }));
    expect(uuid.options.fieldErrors?.paymentId?.[0]).toContain(
      "a payment UUID works only for payments already in the ledger",
    );
    expect(await db.select().from(auditLog)).toHaveLength(auditsBefore);
  });

  it("does not import twice: a payment already in the ledger is synced instead, by any of its ids", async () => {
    const octo = await h.octoPayment({ approve: true });
    const first = await run({ provider: "octo", paymentId: octo.shopTransactionId, currency: "UZS" });
    const again = await run({ provider: "octo", paymentId: octo.shopTransactionId });
    const byUuid = await run({ provider: "octo", paymentId: octo.uuid });
    expect(again).toMatchObject({
      kind: "already_in_ledger",
      paymentId: first.paymentId,
      sync: { inStep: true, status: "captured" },
    });
    expect(byUuid).toMatchObject({ kind: "already_in_ledger", paymentId: first.paymentId });
    expect(await rowsOf(octo.uuid)).toHaveLength(1);
    expect((await timelineOf(first.paymentId)).map((e) => e.kind)).toEqual([
      "created_from_provider",
      "imported",
      "synced",
      "synced",
    ]);

    const payId = await h.checkoutPayment();
    const imported = await run({ provider: "checkout", paymentId: payId });
    expect(await run({ provider: "checkout", paymentId: payId })).toMatchObject({
      kind: "already_in_ledger",
      paymentId: imported.paymentId,
    });
  });

  it("changes nothing when the provider does not answer", async () => {
    const payId = await h.checkoutPayment();
    await h.fault("checkout", "http_503", "/payments/");
    const error = await refusal(run({ provider: "checkout", paymentId: payId }));
    expect(error.code).toBe("PROVIDER_ERROR");
    expect(await rowsOf(payId)).toHaveLength(0);
  });

  it("validates the form input with field-named rules", () => {
    const issues = (input: unknown) =>
      importPaymentInput.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ provider: "checkout", paymentId: "pay_short" })).toEqual([
      ["paymentId", "must be a Checkout.com payment id: pay_ followed by 26 lowercase letters or digits"],
    ]);
    expect(issues({ provider: "octo", paymentId: "  " })).toEqual([["paymentId", "is required"]]);
    expect(issues({ provider: "octo", paymentId: "x", currency: "HKD" })).toEqual([
      ["currency", "must be one of UZS, USD, RUB"],
    ]);
    expect(issues({ paymentId: "x" })).toEqual([["provider", "must be Checkout.com or OCTO"]]);
    expect(importPaymentInput.parse({ provider: "octo", paymentId: " order-1 ", currency: "" })).toEqual({
      provider: "octo",
      paymentId: "order-1",
    });
  });
});
