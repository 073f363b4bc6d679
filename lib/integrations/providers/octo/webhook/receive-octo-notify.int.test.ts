import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { paymentEvents, payments, webhookReceipts } from "@/drizzle/schema";
import { signOctoNotification } from "@/lib/integrations/providers/octo/notify-signature";
import {
  harnessStartTimeoutMs,
  startOctoHarness,
  type OctoHarness,
} from "@/lib/integrations/providers/octo/test-harness";
import type { OctoCurrency } from "@/lib/integrations/providers/octo/amounts";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import type { Database } from "@/lib/platform/db/types";
import { sandboxRefundDeps } from "@/lib/domain/refunds/testing/sandbox-refund-deps";
import { receiveOctoNotify, type OctoDelivery } from "./receive-octo-notify";

const notifyKey = sandboxCredentials.octo.notifyKey;
let h: OctoHarness;
let db: Database;
beforeAll(async () => {
  h = await startOctoHarness();
  db = h.database.db;
}, harnessStartTimeoutMs);
afterAll(async () => h?.close());

let counter = 0;
const shopTransactionId = () => `notify-${Date.now().toString(36)}-${++counter}`;

/** A payment at the OCTO sandbox (no notify_url: the tests deliver callbacks themselves). */
async function octoPayment(
  options: {
    decision?: "approve" | "decline";
    autoCapture?: boolean;
    totalMinor?: bigint;
    currency?: OctoCurrency;
  } = {},
) {
  const payment = await h.client.preparePayment({
    shopTransactionId: shopTransactionId(),
    autoCapture: options.autoCapture ?? true,
    totalMinor: options.totalMinor ?? 250_000n,
    currency: options.currency ?? "UZS",
    description: "notify receiver test",
  });
  if (options.decision) await fetch(`${payment.payUrl}/${options.decision}`, { method: "POST", redirect: "manual" });
  return payment;
}

/** The callback body of providers.md §2.7, signed like OCTO (and our sandbox) sign it. */
function callback(
  payment: { octoPaymentUuid: string; shopTransactionId: string },
  status: string,
  overrides: Record<string, unknown> = {},
) {
  const hashKey = randomUUID();
  return JSON.stringify({
    shop_transaction_id: payment.shopTransactionId,
    octo_payment_UUID: payment.octoPaymentUuid,
    status,
    signature: signOctoNotification({ octoPaymentUuid: payment.octoPaymentUuid, status, hashKey }, notifyKey),
    hash_key: hashKey,
    total_sum: 2500,
    transfer_sum: 2500,
    refunded_sum: 0,
    currency: "UZS",
    ...overrides,
  });
}

const delivery = (rawBody: string): OctoDelivery => ({ rawBody, headers: { "content-type": "application/json" } });
const notifyDeps = () => ({ client: h.client, refunds: sandboxRefundDeps(db, h.server.url) });
const receive = (rawBody: string) => receiveOctoNotify(db, notifyDeps(), notifyKey, delivery(rawBody));

const paymentOf = async (uuid: string) =>
  (await db.select().from(payments).where(eq(payments.providerPaymentId, uuid)))[0];
const receiptsOf = async (hashKey: string) =>
  db.select().from(webhookReceipts).where(eq(webhookReceipts.eventId, hashKey)).orderBy(webhookReceipts.id);
const timelineOf = async (paymentId: string) =>
  db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId)).orderBy(paymentEvents.id);
const hashKeyOf = (body: string) => (JSON.parse(body) as { hash_key: string }).hash_key;

describe(`OCTO notify receiver [${testDatabaseKind}]`, () => {
  it("applies OCTO's status for a valid callback, creating an unknown payment as external with its amount", async () => {
    const payment = await octoPayment({ decision: "approve" });
    const body = callback(payment, "succeeded");
    expect(await receive(body)).toMatchObject({ httpStatus: 200, outcome: "applied" });
    const row = await paymentOf(payment.octoPaymentUuid);
    expect(row).toMatchObject({
      provider: "octo",
      flow: "external",
      status: "captured",
      providerStatus: "succeeded",
      amountMinor: 250_000n,
      capturedMinor: 250_000n,
      currency: "UZS",
      reference: payment.shopTransactionId,
    });
    expect((await timelineOf(row!.id)).map((e) => [e.kind, e.source, e.toStatus])).toEqual([
      ["created_from_provider", "provider_webhook", "captured"],
    ]);
    const [receipt] = await receiptsOf(hashKeyOf(body));
    expect(receipt).toMatchObject({
      provider: "octo",
      signature: "valid",
      outcome: "applied",
      isFirst: true,
      paymentId: row!.id,
      eventType: "succeeded",
      rawBody: body,
    });
  });

  it("rejects a missing or invalid signature, and a body that is not JSON, before applying anything", async () => {
    const payment = await octoPayment({ decision: "approve" });
    const good = JSON.parse(callback(payment, "succeeded")) as Record<string, unknown>;
    const missing = await receive(JSON.stringify({ ...good, signature: undefined }));
    expect(missing).toMatchObject({ httpStatus: 401, outcome: "rejected", detail: "signature missing" });
    const wrongKey = signOctoNotification(
      { octoPaymentUuid: payment.octoPaymentUuid, status: "succeeded", hashKey: "" },
      "another-key",
    );
    expect(await receive(JSON.stringify({ ...good, signature: wrongKey }))).toMatchObject({
      httpStatus: 401,
      detail: "signature invalid",
    });
    // The signature covers uuid + status: a valid one moved onto another status is invalid.
    expect(await receive(JSON.stringify({ ...good, status: "canceled" }))).toMatchObject({
      httpStatus: 401,
      detail: "signature invalid",
    });
    expect(await receive("{not json")).toMatchObject({
      httpStatus: 400,
      outcome: "rejected",
      detail: "body is not JSON",
    });

    expect(await paymentOf(payment.octoPaymentUuid)).toBeUndefined();
    const rejected = await db.select().from(webhookReceipts).where(eq(webhookReceipts.outcome, "rejected"));
    expect(rejected.map((r) => r.signature)).toEqual(expect.arrayContaining(["missing", "invalid"]));
    expect(rejected.every((r) => !r.isFirst && r.paymentId === null)).toBe(true);
  });

  it("refuses a validly signed callback without hash_key: it could not be de-duplicated", async () => {
    const payment = await octoPayment({ decision: "approve" });
    const body = JSON.parse(callback(payment, "succeeded")) as Record<string, unknown>;
    const result = await receive(JSON.stringify({ ...body, hash_key: undefined }));
    expect(result).toMatchObject({ httpStatus: 400, outcome: "rejected" });
    expect(await paymentOf(payment.octoPaymentUuid)).toBeUndefined();
  });

  it("applies a callback once however often it is delivered, in turn or concurrently", async () => {
    const payment = await octoPayment({ decision: "approve" });
    const body = callback(payment, "succeeded");
    expect((await receive(body)).outcome).toBe("applied");
    expect(await receive(body)).toMatchObject({ httpStatus: 200, outcome: "duplicate" });

    const racing = await octoPayment({ decision: "approve" });
    const racingBody = callback(racing, "succeeded");
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => receive(racingBody)));
    expect(results.filter((r) => r.outcome === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(4);
    expect(await db.select().from(payments).where(eq(payments.providerPaymentId, racing.octoPaymentUuid))).toHaveLength(
      1,
    );
    const row = await paymentOf(racing.octoPaymentUuid);
    expect(await timelineOf(row!.id)).toHaveLength(1);
    const receipts = await receiptsOf(hashKeyOf(racingBody));
    expect(receipts).toHaveLength(5);
    expect(receipts.filter((r) => r.isFirst)).toHaveLength(1);
  });

  it("creates one payment when two different callbacks of it race in", async () => {
    const payment = await octoPayment({ decision: "approve" });
    const results = await Promise.all([receive(callback(payment, "created")), receive(callback(payment, "succeeded"))]);
    expect(results.every((r) => r.httpStatus === 200)).toBe(true);
    expect(
      await db.select().from(payments).where(eq(payments.providerPaymentId, payment.octoPaymentUuid)),
    ).toHaveLength(1);
    expect((await paymentOf(payment.octoPaymentUuid))?.status).toBe("captured");
  });

  it("ignores a late 'created' after 'succeeded' without moving the payment back", async () => {
    const payment = await octoPayment({ decision: "approve" });
    await receive(callback(payment, "succeeded"));
    const late = await receive(callback(payment, "created"));
    expect(late).toMatchObject({ httpStatus: 200, outcome: "ignored_out_of_order" });
    expect(late.detail).toContain("callback said created, OCTO says succeeded");
    expect(await paymentOf(payment.octoPaymentUuid)).toMatchObject({ status: "captured", providerStatus: "succeeded" });
  });

  it("never applies an OCTO answer that is behind the ledger", async () => {
    const payment = await octoPayment();
    const [row] = await db
      .insert(payments)
      .values({
        provider: "octo",
        flow: "octo",
        status: "captured",
        providerStatus: "succeeded",
        providerPaymentId: payment.octoPaymentUuid,
        reference: payment.shopTransactionId,
        amountMinor: 250_000n,
        capturedMinor: 250_000n,
        currency: "UZS",
      })
      .returning();
    const result = await receive(callback(payment, "created"));
    expect(result).toMatchObject({ httpStatus: 200, outcome: "ignored_out_of_order" });
    expect(await paymentOf(payment.octoPaymentUuid)).toMatchObject({ status: "captured", capturedMinor: 250_000n });
    expect((await timelineOf(row!.id)).map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ["ignored_out_of_order", "captured", "pending"],
    ]);
  });

  it("follows OCTO, not the callback body: 'succeeded' in the body while OCTO says created leaves the payment pending", async () => {
    const payment = await octoPayment();
    const result = await receive(callback(payment, "succeeded"));
    expect(result).toMatchObject({ httpStatus: 200, outcome: "applied" });
    expect(result.detail).toContain("callback said succeeded, OCTO says created");
    expect(await paymentOf(payment.octoPaymentUuid)).toMatchObject({
      status: "pending",
      providerStatus: "created",
      capturedMinor: 0n,
    });
  });

  it("applies a two-stage hold as authorized and does not capture it", async () => {
    const payment = await octoPayment({ decision: "approve", autoCapture: false });
    const result = await receive(callback(payment, "waiting_for_capture"));
    expect(result).toMatchObject({ httpStatus: 200, outcome: "applied" });
    expect(await paymentOf(payment.octoPaymentUuid)).toMatchObject({
      status: "authorized",
      providerStatus: "waiting_for_capture",
      capturedMinor: 0n,
    });
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "UZS")).status).toBe("waiting_for_capture");
  });

  it("answers 503 when OCTO cannot be asked, without claiming the callback, and applies its retry", async () => {
    const payment = await octoPayment({ decision: "approve" });
    const body = callback(payment, "succeeded");
    await h.control("POST", "faults", {
      provider: "octo",
      kind: "http_502",
      pathContains: "/prepare_payment",
      count: 1,
    });
    const failed = await receive(body);
    expect(failed).toMatchObject({ httpStatus: 503, outcome: "rejected" });
    expect(failed.detail).toContain("status re-check with OCTO failed");
    expect(await paymentOf(payment.octoPaymentUuid)).toBeUndefined();
    expect(await receive(body)).toMatchObject({ httpStatus: 200, outcome: "applied" });
    expect((await receiptsOf(hashKeyOf(body))).map((r) => [r.outcome, r.isFirst, r.signature])).toEqual([
      ["rejected", false, "valid"],
      ["applied", true, "valid"],
    ]);
  });

  it("leaves an unknown payment alone when nothing says its currency", async () => {
    const payment = await octoPayment({ decision: "approve" });
    const result = await receive(callback(payment, "succeeded", { currency: undefined }));
    expect(result).toMatchObject({ httpStatus: 200, outcome: "ignored" });
    expect(await paymentOf(payment.octoPaymentUuid)).toBeUndefined();
  });

  it("takes the sandbox's own signed callbacks end to end", async () => {
    const server = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => {
        void receiveOctoNotify(db, notifyDeps(), notifyKey, delivery(Buffer.concat(chunks).toString("utf8"))).then(
          (result) => {
            outgoing.statusCode = result.httpStatus;
            outgoing.end(JSON.stringify({ outcome: result.outcome }));
          },
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const payment = await h.client.preparePayment({
        shopTransactionId: shopTransactionId(),
        autoCapture: true,
        totalMinor: 1_500n,
        currency: "USD",
        description: "loop",
        notifyUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/octo`,
      });
      await fetch(`${payment.payUrl}/approve`, { method: "POST", redirect: "manual" });
      await h.control("POST", "tick");
      expect(await paymentOf(payment.octoPaymentUuid)).toMatchObject({
        status: "captured",
        amountMinor: 1_500n,
        currency: "USD",
        flow: "external",
      });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
