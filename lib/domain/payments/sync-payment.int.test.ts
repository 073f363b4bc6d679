import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { alertOutbox, auditLog, paymentEvents, payments } from "@/drizzle/schema";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { harnessStartTimeoutMs } from "@/lib/integrations/providers/octo/test-harness";
import { exchangesOf } from "@/lib/integrations/providers/provider-exchange";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { importPayment } from "./import-payment";
import { syncPayment } from "./sync-payment";
import { startPaymentsHarness, type PaymentsHarness } from "./testing/provider-fixtures";

let h: PaymentsHarness;
let db: Database;
let actor: AuditActor;
beforeAll(async () => {
  h = await startPaymentsHarness();
  db = h.database.db;
  actor = actorOf(await makeUser(db, "finance"));
}, harnessStartTimeoutMs);
afterAll(async () => h?.close());

const sync = (paymentId: string) => syncPayment(db, h.readers, paymentId, actor);
const rowOf = async (id: string) => (await db.select().from(payments).where(eq(payments.id, id)))[0];
const timelineOf = (paymentId: string) =>
  db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId)).orderBy(paymentEvents.id);
const driftAlertsOf = async (paymentId: string) =>
  (
    await db
      .select({ key: alertOutbox.dedupeKey })
      .from(alertOutbox)
      .where(and(eq(alertOutbox.rule, "reconciliation_drift"), eq(alertOutbox.subjectId, paymentId)))
  ).map((alert) => alert.key);
const lastSynced = async (paymentId: string) => (await timelineOf(paymentId)).filter((e) => e.kind === "synced").at(-1);

async function importedOcto(options: { approve?: boolean } = {}) {
  const octo = await h.octoPayment(options);
  const imported = await importPayment(
    db,
    h.readers,
    { provider: "octo", paymentId: octo.shopTransactionId, currency: "UZS" },
    actor,
  );
  return { ...octo, paymentId: imported.paymentId };
}

/** A ledger row as another flow would have written it, for states the sandbox cannot reach by itself. */
async function ledgerRow(
  values: Partial<typeof payments.$inferInsert> &
    Pick<typeof payments.$inferInsert, "provider" | "providerPaymentId" | "reference" | "currency">,
) {
  const [row] = await db
    .insert(payments)
    .values({
      flow: values.provider === "octo" ? "octo" : "checkout_api",
      status: "pending",
      amountMinor: 1_234_500n,
      ...values,
    })
    .returning();
  return row!;
}

describe(`sync a payment from its provider [${testDatabaseKind}]`, () => {
  it("says 'in step' when nothing differs, and still records a staff event and an audit entry", async () => {
    const payment = await importedOcto({ approve: true });
    const result = await sync(payment.paymentId);
    expect(result).toEqual({
      paymentId: payment.paymentId,
      provider: "octo",
      inStep: true,
      differences: [],
      status: "captured",
    });
    expect(await lastSynced(payment.paymentId)).toMatchObject({
      source: "staff",
      actorUserId: actor.userId,
      fromStatus: "captured",
      toStatus: "captured",
      detail: { inStep: true, differences: [] },
    });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "payment.synced"), eq(auditLog.targetId, payment.paymentId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorUserId: actor.userId,
      before: { status: "captured" },
      after: { status: "captured", inStep: true },
    });
    // The status check it made is kept on the event with its bodies, OCTO's secret redacted; the audit entry keeps only the outcome.
    const [check] = exchangesOf((await lastSynced(payment.paymentId))?.detail ?? null);
    expect(check).toMatchObject({ provider: "octo", method: "POST", path: "/prepare_payment", failure: null });
    expect(JSON.parse(check?.request ?? "")).toMatchObject({
      octo_secret: "[redacted]",
      shop_transaction_id: payment.shopTransactionId,
    });
    expect(audits[0]?.after).not.toHaveProperty("apiCalls");
    expect(await driftAlertsOf(payment.paymentId)).toEqual([]);
  });

  it("applies a forward change through the provider-poll path and lists it", async () => {
    const payment = await importedOcto();
    await fetch(`${h.config.baseUrl}/pay/${payment.uuid}/approve`, { method: "POST", redirect: "manual" });
    const result = await sync(payment.paymentId);
    expect(result.inStep).toBe(false);
    expect(result.status).toBe("captured");
    expect(result.differences).toEqual([
      { field: "status", ours: "pending", provider: "captured", resolution: "applied" },
      { field: "provider_status", ours: "created", provider: "succeeded", resolution: "applied" },
      { field: "captured", ours: "0.00 UZS", provider: "12345.00 UZS", resolution: "applied" },
    ]);
    expect(await rowOf(payment.paymentId)).toMatchObject({
      status: "captured",
      providerStatus: "succeeded",
      capturedMinor: 1_234_500n,
    });
    expect(
      (await timelineOf(payment.paymentId)).slice(-2).map((e) => [e.kind, e.source, e.fromStatus, e.toStatus]),
    ).toEqual([
      ["status_changed", "provider_poll", "pending", "captured"],
      ["synced", "staff", "pending", "captured"],
    ]);
    expect((await sync(payment.paymentId)).inStep).toBe(true);
    // The ledger caught up with the provider: nothing drifted.
    expect(await driftAlertsOf(payment.paymentId)).toEqual([]);
  });

  it("records a provider answer that would move the status backwards, and never applies it", async () => {
    const octo = await h.octoPayment();
    const row = await ledgerRow({
      provider: "octo",
      providerPaymentId: octo.uuid,
      reference: octo.shopTransactionId,
      currency: "UZS",
      status: "captured",
      providerStatus: "succeeded",
      capturedMinor: 1_234_500n,
    });
    const result = await sync(row.id);
    expect(result.status).toBe("captured");
    expect(result.differences).toEqual([
      {
        field: "status",
        ours: "captured",
        provider: "pending",
        resolution: "recorded",
        note: "not applied: statuses only move forward",
      },
      { field: "provider_status", ours: "succeeded", provider: "created", resolution: "recorded" },
      { field: "captured", ours: "12345.00 UZS", provider: "0.00 UZS", resolution: "recorded" },
    ]);
    expect(await rowOf(row.id)).toMatchObject({
      status: "captured",
      providerStatus: "succeeded",
      capturedMinor: 1_234_500n,
    });
    expect((await timelineOf(row.id)).map((e) => e.kind)).toEqual(["synced"]);
    // The disagreement the sync recorded raises the drift alert in its transaction, once however often it is synced.
    await sync(row.id);
    expect(await driftAlertsOf(row.id)).toEqual([`reconciliation_drift:${row.id}:captured,provider_status,status`]);
    expect((await rowOf(row.id))?.syncDisagreement).toEqual(["captured", "provider_status", "status"]);
  });

  it("refreshes the provider's word when the status already agrees, and records an amount it disagrees with", async () => {
    const payId = await h.checkoutPayment({ amountMinor: 12_340n });
    const row = await ledgerRow({
      provider: "checkout",
      providerPaymentId: payId,
      reference: "ORD-SYNC",
      currency: "HKD",
      status: "captured",
      providerStatus: "payment_captured",
      amountMinor: 99_990n,
      capturedMinor: 12_340n,
    });
    const result = await sync(row.id);
    expect(result.differences).toEqual([
      { field: "provider_status", ours: "payment_captured", provider: "Captured", resolution: "refreshed" },
      { field: "amount", ours: "999.90 HKD", provider: "123.40 HKD", resolution: "recorded" },
    ]);
    expect(await rowOf(row.id)).toMatchObject({ providerStatus: "Captured", amountMinor: 99_990n });
    expect((await sync(row.id)).differences.map((d) => d.field)).toEqual(["amount"]);
    // A refreshed provider status is not drift; the amount the ledger still disagrees on is.
    expect(await driftAlertsOf(row.id)).toEqual([`reconciliation_drift:${row.id}:amount`]);
    expect((await rowOf(row.id))?.syncDisagreement).toEqual(["amount"]);
    // Once the ledger agrees again (here corrected by hand), the next sync clears what the overview counts.
    await db.update(payments).set({ amountMinor: 12_340n }).where(eq(payments.id, row.id));
    expect((await sync(row.id)).inStep).toBe(true);
    expect((await rowOf(row.id))?.syncDisagreement).toBeNull();
  });

  it("records a failed provider read on the timeline and returns the error", async () => {
    const payment = await importedOcto();
    await h.fault("octo", "http_500", "/prepare_payment");
    const error = await sync(payment.paymentId).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("PROVIDER_ERROR");
    expect(await lastSynced(payment.paymentId)).toMatchObject({
      actorUserId: actor.userId,
      detail: { provider: "octo", error: "OCTO did not answer" },
    });
    expect((await rowOf(payment.paymentId))?.status).toBe("pending");
  });

  it("refuses an id the ledger does not have", async () => {
    const error = await sync(crypto.randomUUID()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "NOT_FOUND" });
  });
});
