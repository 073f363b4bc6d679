import { useMerchantOrderHarness } from "@/lib/domain/orders/testing/merchant-order-harness";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { webhookReceipts } from "@/drizzle/schema";
import { createHash } from "node:crypto";
import { placeOrder } from "@/lib/domain/orders/place-order";
import { revealVoucherCodes } from "@/lib/domain/orders/voucher-codes";
import { signCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook-signature";
import { signOctopusCardsWebhook } from "@/lib/integrations/providers/octopus-cards/webhook-signature";
import { rawLogin, usd } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { sandboxWebhookDeliveries } from "@/lib/integrations/sandbox/testing";
import { databaseText, tablesContaining } from "@/lib/tooling/testing/database-text";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { octoCallback, webhookKeys } from "@/lib/tooling/testing/webhook-requests";
import { sandboxRefundDeps } from "@/lib/domain/refunds/testing/sandbox-refund-deps";
import { listReceipts } from "./list-receipts";
import { checkoutWebhookResponse } from "@/lib/integrations/providers/checkout/webhook/respond";
import { octoNotifyResponse } from "@/lib/integrations/providers/octo/webhook/respond";
import { octopusCardsWebhookResponse } from "@/lib/integrations/providers/octopus-cards/webhook/respond";

const request = (provider: string, body: string, headers: Record<string, string>) =>
  new Request(`http://localhost:3000/api/webhooks/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** OCTO is never asked in this test: its callbacks here name a currency OCTO does not accept. */
const octoNotAsked = { checkPaymentStatus: () => Promise.reject(new Error("OCTO must not be asked")) };

describe(`no secret reaches the database through the webhook receivers [${testDatabaseKind}]`, () => {
  const world = useMerchantOrderHarness();

  it("each provider's real webhook shapes are stored redacted with the raw body's SHA-256, and no code, PIN, activation code or credential is in any table", async () => {
    const db = world.h.database.db;
    const sent: { provider: string; body: string }[] = [];

    // A real voucher order (two codes) delivered by the sandbox: its order.delivered and wallet.debited, as the sandbox signed them.
    const quote = await world.h.client.quoteVoucher(123, { denomination: usd("10"), quantity: 2, walletId: 1 });
    const { order: voucherOrder } = await placeOrder(world.deps, world.merchant, {
      vertical: "voucher",
      clientReference: `SECRETS-${crypto.randomUUID()}`,
      productId: 123,
      productName: "Steam",
      quantity: 2,
      faceValue: usd("10"),
      walletId: 1,
      quotedCharge: quote.totalPayable,
    });
    if (voucherOrder.status === "pending") await world.h.advance({ minutes: 2 }, true);
    const deliveries = await db
      .select()
      .from(sandboxWebhookDeliveries)
      .where(eq(sandboxWebhookDeliveries.provider, "octopus-cards"));
    const voucherEvents = deliveries.filter(
      (d) => d.eventType === "order.delivered" || d.eventType.startsWith("wallet."),
    );
    expect(voucherEvents.map((d) => d.eventType)).toEqual(
      expect.arrayContaining(["order.delivered", "wallet.debited"]),
    );
    for (const delivery of voucherEvents) {
      const response = await octopusCardsWebhookResponse(
        request("octopus-cards", delivery.body, delivery.headers as Record<string, string>),
        world.deps,
        webhookKeys.octopusCards,
      );
      expect(response.status).toBe(200);
      sent.push({ provider: "octopus-cards", body: delivery.body });
    }
    const { codes } = await revealVoucherCodes(world.deps, world.merchant, voucherOrder.id);
    expect(codes).toHaveLength(2);

    // A real eSIM order; its detail (with the LPA string) sent as an order.delivered the way the provider signs webhooks.
    const esimQuote = await world.h.client.quoteEsim({ productId: 712, amount: usd("4.5") });
    const { order: esimOrder } = await placeOrder(world.deps, world.merchant, {
      vertical: "esim",
      clientReference: `SECRETS-${crypto.randomUUID()}`,
      productId: 712,
      productName: "Japan eSIM",
      quantity: 1,
      faceValue: usd("4.5"),
      walletId: 1,
      quotedCharge: esimQuote.totalPayable,
    });
    const token = (await rawLogin(world.h)).access_token;
    const esimWire = (await (
      await world.h.raw("GET", `/api/v1/esim/orders/${esimOrder.providerOrderId}`, { token })
    ).json()) as { activation_code: string };
    const activationCode = esimWire.activation_code;
    expect(activationCode).toMatch(/^LPA:1\$/);
    const esimEventId = `evt_${crypto.randomUUID().replaceAll("-", "")}`;
    const esimBody = JSON.stringify({
      id: esimEventId,
      type: "order.delivered",
      created_at: new Date().toISOString(),
      data: esimWire,
    });
    const esimHeaders = {
      "x-signature": signOctopusCardsWebhook(esimBody, webhookKeys.octopusCards),
      "x-timestamp": String(Math.floor(Date.now() / 1000)),
      "x-event-id": esimEventId,
    };
    expect(
      (
        await octopusCardsWebhookResponse(
          request("octopus-cards", esimBody, esimHeaders),
          world.deps,
          webhookKeys.octopusCards,
        )
      ).status,
    ).toBe(200);
    sent.push({ provider: "octopus-cards", body: esimBody });

    // Checkout.com payment and refund events in the sandbox's shape, the payment one carrying its Octopus processing token.
    const paymentId = `pay_${"s".repeat(26)}`;
    const checkoutToken = `tok_${crypto.randomUUID()}`;
    const checkoutBodies = [
      {
        type: "payment_captured",
        data: {
          id: paymentId,
          amount: 12300,
          currency: "HKD",
          reference: "SECRETS-1",
          processed_on: new Date().toISOString(),
          source: { type: "octopus" },
          processing: { token: checkoutToken },
        },
      },
      {
        type: "payment_refunded",
        data: {
          id: paymentId,
          action_id: "act_secretsrefund00000000000",
          amount: 2300,
          currency: "HKD",
          reference: "SECRETS-1",
          response_code: "10000",
          response_summary: "Approved",
          source: { type: "octopus" },
        },
      },
    ].map((event) =>
      JSON.stringify({
        id: `evt_${crypto.randomUUID()}`,
        version: "1.0.33",
        created_on: new Date().toISOString(),
        ...event,
      }),
    );
    for (const body of checkoutBodies) {
      expect(
        (
          await checkoutWebhookResponse(
            request("checkout", body, { "cko-signature": signCheckoutWebhook(body, webhookKeys.checkout) }),
            db,
            webhookKeys.checkout,
          )
        ).status,
      ).toBe(200);
      sent.push({ provider: "checkout", body });
    }

    // OCTO notify: a valid callback, and a badly signed one carrying a shop secret (a misconfigured sender).
    const octoBodies = [
      JSON.stringify(octoCallback()),
      JSON.stringify({ ...octoCallback({ key: "wrong" }), octo_secret: sandboxCredentials.octo.secret }),
    ];
    for (const body of octoBodies) {
      await octoNotifyResponse(
        request("octo", body, {}),
        db,
        { client: octoNotAsked, refunds: sandboxRefundDeps(db, world.h.server.url) },
        webhookKeys.octo,
      );
      sent.push({ provider: "octo", body });
    }

    // Every delivery left a receipt keyed by the SHA-256 of exactly what was received.
    const receipts = await db.select().from(webhookReceipts);
    for (const { body } of sent)
      expect(
        receipts.some((r) => r.rawBodySha256 === sha256(body)),
        `receipt for ${body.slice(0, 60)}`,
      ).toBe(true);
    const delivered = receipts.find(
      (r) => r.rawBodySha256 === sha256(voucherEvents.find((d) => d.eventType === "order.delivered")!.body),
    );
    expect(JSON.parse(delivered!.rawBody)).toMatchObject({
      type: "order.delivered",
      data: {
        vouchers: [
          { card_number: "[redacted]", pin_code: "[redacted]" },
          { card_number: "[redacted]", pin_code: "[redacted]" },
        ],
      },
    });

    const secrets = [
      ...codes.flatMap((c) => [c.cardNumber, c.claimUrl]),
      activationCode,
      activationCode.split("$").at(-1) ?? activationCode,
      checkoutToken,
      sandboxCredentials.octo.secret,
      sandboxCredentials.octopusCards.apiSecret,
      sandboxCredentials.octopusCards.webhookSecret,
      sandboxCredentials.checkout.secretKey,
      sandboxCredentials.checkout.webhookSecret,
    ].filter((s): s is string => Boolean(s));
    const text = await databaseText(db);
    expect(Object.keys(text)).toEqual(
      expect.arrayContaining(["webhook_receipts", "orders", "order_events", "audit_log", "payment_events"]),
    );
    for (const secret of secrets) expect(tablesContaining(text, secret), `tables holding ${secret}`).toEqual([]);
    // A PIN is four digits, which an amount in minor units may equal by chance ("1930" is $19.30
    // in an order event): it is looked for under any key that names a PIN, and anywhere in receipts.
    for (const pin of codes.map((c) => c.pinCode).filter((p): p is string => Boolean(p))) {
      const underPinKey = new RegExp(`"[a-z_]*pin[a-z_]*"\\s*:\\s*"${pin}"`, "i");
      expect(
        Object.entries(text)
          .filter(([, t]) => underPinKey.test(t))
          .map(([table]) => table),
        `tables holding PIN ${pin}`,
      ).toEqual([]);
      expect(text.webhook_receipts ?? "", `receipts holding PIN ${pin}`).not.toContain(`"${pin}"`);
    }

    // And what the Webhooks page reads (every view) and the sandbox's own listing show none either.
    const listed = JSON.stringify((await listReceipts(db, { signature: "any" })).rows);
    const sandboxListing = await (await world.h.control("GET", "/webhooks")).text();
    for (const secret of secrets) {
      expect(listed).not.toContain(secret);
      expect(sandboxListing).not.toContain(secret);
    }
  });
});
