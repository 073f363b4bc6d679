import { and, desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentEvents, payments, webhookReceipts } from "@/drizzle/schema";
import { refundEvents, refunds } from "@/drizzle/schema/refunds";
import { issueRefund } from "@/lib/domain/refunds/issue-refund";
import { issueRefundInput } from "@/lib/domain/refunds/refund-input";
import { startRefundsHarness, type RefundsHarness } from "@/lib/domain/refunds/testing/refunds-harness";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { sandboxWebhookDeliveries } from "@/lib/integrations/sandbox/testing";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { receiveOctoNotify } from "./receive-octo-notify";

describe(`OCTO refund callbacks move refunds at once [${testDatabaseKind}]`, () => {
  let h: RefundsHarness;
  beforeAll(async () => {
    h = await startRefundsHarness({ timeoutMs: 1_500 });
  }, 180_000);
  afterAll(async () => h?.close());

  /** The newest callback the OCTO sandbox queued for this payment (it would POST it to notify_url). */
  const latestCallback = async (paymentUuid: string, eventType: string) => {
    const [row] = await h.db
      .select({ body: sandboxWebhookDeliveries.body })
      .from(sandboxWebhookDeliveries)
      .where(
        and(
          eq(sandboxWebhookDeliveries.provider, "octo"),
          eq(sandboxWebhookDeliveries.eventType, eventType),
          like(sandboxWebhookDeliveries.body, `%${paymentUuid}%`),
        ),
      )
      .orderBy(desc(sandboxWebhookDeliveries.id))
      .limit(1);
    if (!row) throw new Error(`no ${eventType} callback for ${paymentUuid}`);
    return row.body;
  };
  const deliver = (rawBody: string) =>
    receiveOctoNotify(h.db, { client: h.deps.clients.octo, refunds: h.deps }, sandboxCredentials.octo.notifyKey, {
      rawBody,
      headers: {},
    });

  it("a refund.succeeded callback re-fetches the pending refund and approves it before any poll; the receipt and the timeline say so", async () => {
    const payment = await h.capturedPayment("octo", "150000.00", "UZS");
    const refund = (
      await issueRefund(
        h.deps,
        h.finance,
        issueRefundInput.parse({
          paymentId: payment.id,
          kind: "partial",
          amount: "20000.77",
          reason: "customer_request",
          idempotencyKey: crypto.randomUUID(),
        }),
      )
    ).refund;
    expect(refund.status).toBe("pending");
    const [pending] = await h.db.select().from(refunds).where(eq(refunds.id, refund.id));
    // The reconciler would first look a minute from now: anything sooner is the callback's doing.
    expect(pending!.nextCheckAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);

    await h.advance({ seconds: 11 });
    const body = await latestCallback(payment.providerPaymentId!, "refund.succeeded");
    const result = await deliver(body);
    expect(result).toMatchObject({ httpStatus: 200, outcome: "applied" });
    // formatMinor puts a no-break space between the currency and the amount.
    expect(result.detail).toMatch(/; refund of UZS\s20,000\.77 moved from pending to approved$/);

    const [after] = await h.db.select().from(refunds).where(eq(refunds.id, refund.id));
    expect(after).toMatchObject({
      status: "approved",
      providerStatus: "succeeded",
      nextCheckAt: null,
      checkAttempts: 1,
    });
    expect(after!.providerDecidedAt).not.toBeNull();
    const events = await h.db
      .select()
      .from(refundEvents)
      .where(eq(refundEvents.refundId, refund.id))
      .orderBy(refundEvents.id);
    expect(events.map((e) => [e.source, e.fromStatus, e.toStatus])).toEqual([
      ["staff", null, "requested"],
      ["api_call", "requested", "pending"],
      ["provider_webhook", "pending", "approved"],
    ]);

    const hashKey = (JSON.parse(body) as { hash_key: string }).hash_key;
    const [receipt] = await h.db.select().from(webhookReceipts).where(eq(webhookReceipts.eventId, hashKey));
    expect(receipt).toMatchObject({
      outcome: "applied",
      paymentId: payment.id,
      detail: expect.stringContaining("moved from pending to approved"),
    });
    const [timeline] = await h.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, payment.id))
      .orderBy(desc(paymentEvents.id))
      .limit(1);
    expect(timeline).toMatchObject({
      kind: "confirmed",
      detail: expect.objectContaining({
        refunds: expect.stringMatching(/^refund of UZS\s20,000\.77 moved from pending to approved$/),
      }),
    });

    // A later callback finds no refund in flight: nothing is asked about, nothing claimed.
    const [first] = await h.db
      .select({ body: sandboxWebhookDeliveries.body })
      .from(sandboxWebhookDeliveries)
      .where(like(sandboxWebhookDeliveries.body, `%${payment.providerPaymentId!}%`))
      .orderBy(sandboxWebhookDeliveries.id)
      .limit(1);
    const again = await deliver(first!.body);
    expect(again).toMatchObject({ httpStatus: 200, outcome: "applied" });
    expect(again.detail ?? "").not.toContain("refund of");
  });

  it("a refund.failed callback declines the refund at once and releases its reservation", async () => {
    const payment = await h.capturedPayment("octo", "150000.00", "UZS");
    const refund = (
      await issueRefund(
        h.deps,
        h.finance,
        issueRefundInput.parse({
          paymentId: payment.id,
          kind: "partial",
          amount: "20000.99",
          reason: "customer_request",
          idempotencyKey: crypto.randomUUID(),
        }),
      )
    ).refund;
    expect(refund.status).toBe("pending");
    await h.advance({ seconds: 11 });
    const result = await deliver(await latestCallback(payment.providerPaymentId!, "refund.failed"));
    expect(result.detail).toContain("moved from pending to declined");
    const [after] = await h.db.select().from(refunds).where(eq(refunds.id, refund.id));
    expect(after).toMatchObject({ status: "declined", providerStatus: "failed" });
    const [paymentAfter] = await h.db.select().from(payments).where(eq(payments.id, payment.id));
    expect(paymentAfter).toMatchObject({ refundReservedMinor: 0n, refundedMinor: 0n });
  });
});
