import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { isDuplicateClientReference, OctopusCardsError } from "./errors";
import { startHarness, usd, type Harness } from "./test-harness";
import { verifyOctopusCardsWebhook } from "./webhook-signature";

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let h: Harness;
let receiver: Server;
const received: Received[] = [];
let failNext = 0;
const secret = sandboxCredentials.octopusCards.webhookSecret;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(500).end();
        return;
      }
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  h = await startHarness({ appUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}` });
});
afterAll(async () => {
  await h?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});
beforeEach(() => {
  received.length = 0;
});

const events = (type: string) =>
  received
    .filter((r) => r.headers["x-event-type"] === type)
    .map((r) => ({
      ...r,
      json: JSON.parse(r.body) as { id: string; type: string; created_at: string; data: Record<string, unknown> },
    }));

describe("Octopus Cards webhooks", () => {
  it("delivers order.delivered and wallet.debited with a verifiable X-Signature and the documented headers", async () => {
    const order = await h.client.createVoucherOrder({
      productId: 123,
      denomination: usd("20"),
      quantity: 1,
      clientReference: "WH-1",
    });
    await h.tick();
    const [delivered] = events("order.delivered");
    const debited = events("wallet.debited").find(
      (e) => e.json.data.remarks === `USD Wallet debited by amount 19.30 - Order #${order.id}`,
    );
    expect(delivered).toBeDefined();
    expect(debited).toBeDefined();
    for (const event of [delivered!, debited!]) {
      expect(event.path).toBe("/api/webhooks/octopus-cards");
      expect(event.headers["x-signature"]).toBe(createHmac("sha256", secret).update(event.body).digest("hex"));
      expect(event.headers["x-octopus-webhook-token"]).toBe(secret);
      expect(event.headers["user-agent"]).toBe("octopusrewards.com/webhook-agent");
      expect(event.headers["content-type"]).toContain("application/json");
      expect(event.headers["x-webhook-id"]).toBeTruthy();
      expect(event.headers["x-event-id"]).toBe(event.json.id);
      expect(event.headers["x-event-type"]).toBe(event.json.type);
      expect(
        Math.abs(Number(event.headers["x-timestamp"]) * 1000 - new Date(event.json.created_at).getTime()),
      ).toBeLessThan(1000);
      const verified = verifyOctopusCardsWebhook({
        rawBody: event.body,
        signature: String(event.headers["x-signature"]),
        timestamp: String(event.headers["x-timestamp"]),
        secret,
        now: new Date(event.json.created_at),
      });
      expect(verified).toEqual({ ok: true });
      expect(
        verifyOctopusCardsWebhook({
          rawBody: `${event.body} `,
          signature: String(event.headers["x-signature"]),
          timestamp: String(event.headers["x-timestamp"]),
          secret,
          now: new Date(event.json.created_at),
        }),
      ).toEqual({ ok: false, reason: "bad_signature" });
    }
    expect(delivered!.json.data).toMatchObject({ id: order.id, status: "DELIVERED", client_reference: "WH-1" });
    expect((delivered!.json.data.vouchers as unknown[]).length).toBe(1);
    expect(debited!.json.data).toMatchObject({ transaction_type: "DEBIT", amount: 19.3, wallet_id: 1 });
  });

  it("sends order.failed and wallet.credited for a failed order, and retries a failing receiver after 1 minute", async () => {
    const order = await h.client.createVoucherOrder({
      productId: 123,
      denomination: usd("10"),
      quantity: 1,
      clientReference: "SIM_FAIL_RECOVERY_EXHAUSTED-wh",
    });
    await h.tick();
    received.length = 0;
    failNext = 10;
    await h.advance({ seconds: 6 });
    expect(events("order.failed")).toHaveLength(0);
    const deliveries = (await (await h.control("GET", "/webhooks?provider=octopus-cards")).json()) as {
      eventType: string;
      attempts: number;
      lastStatus: number | null;
      deliveredAt: string | null;
    }[];
    const failedDelivery = deliveries.find((d) => d.eventType === "order.failed");
    expect(failedDelivery).toMatchObject({ attempts: 1, lastStatus: 500, deliveredAt: null });
    failNext = 0;
    await h.advance({ seconds: 61 });
    const [failed] = events("order.failed");
    expect(failed?.json.data).toMatchObject({
      id: order.id,
      status: "FAILED",
      failure_code: "RECOVERY_EXHAUSTED",
      is_user_fixable: false,
    });
    expect(
      events("wallet.credited").some(
        (e) => e.json.data.remarks === `USD Wallet credited by amount 9.65 - Refund for order #${order.id}`,
      ),
    ).toBe(true);
  });
});

describe("Octopus Cards client under faults", () => {
  it("a lost response on create is outcome unknown; the lookup by client_reference finds exactly one order", async () => {
    const before = await h.client.getWallet(1);
    await h.control("POST", "/faults", {
      provider: "octopus-cards",
      kind: "lost_response",
      method: "POST",
      pathContains: "/api/v1/orders",
      count: 1,
    });
    const input = { productId: 123, denomination: usd("10"), quantity: 1, clientReference: "LOST-1" };
    const error = await h.client.createVoucherOrder(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OctopusCardsError);
    expect(error).toMatchObject({ outcome: "unknown", httpStatus: null });
    const found = await h.client.findOrderByClientReference("vouchers", "LOST-1");
    expect(found).toMatchObject({ clientReference: "LOST-1", status: "DELIVERED" });
    expect((await h.client.listVoucherOrders({ clientReference: "LOST-1" })).items).toHaveLength(1);
    expect(isDuplicateClientReference(await h.client.createVoucherOrder(input).catch((e: unknown) => e))).toBe(true);
    expect((await h.client.getWallet(1)).balance.minor).toBe(before.balance.minor - 965n);
  });

  it("5xx and 429 are unknown, timeouts are unknown, 4xx are rejected", async () => {
    await h.control("POST", "/faults", {
      provider: "octopus-cards",
      kind: "http_503",
      pathContains: "/api/v1/wallets",
      count: 1,
    });
    expect(await h.client.listWallets().catch((e: unknown) => e)).toMatchObject({
      httpStatus: 503,
      outcome: "unknown",
    });
    await h.control("POST", "/faults", {
      provider: "octopus-cards",
      kind: "http_429",
      pathContains: "/api/v1/wallets",
      count: 1,
    });
    expect(await h.client.listWallets().catch((e: unknown) => e)).toMatchObject({
      httpStatus: 429,
      outcome: "unknown",
    });
    await h.control("POST", "/faults", {
      provider: "octopus-cards",
      kind: "timeout",
      pathContains: "/api/v1/topups/orders",
      delayMs: 1500,
      count: 1,
    });
    const impatient = h.newClient({ timeoutMs: 300 });
    await impatient.listWallets();
    const timedOut = await impatient
      .createTopupOrder({
        productId: 4218,
        amount: usd("0.99"),
        inputData: { player_id: "123456", server: "eu" },
        clientReference: "TIMEOUT-1",
      })
      .catch((e: unknown) => e);
    expect(timedOut).toMatchObject({ code: "TIMEOUT", outcome: "unknown" });
    expect(await impatient.findOrderByClientReference("topups", "TIMEOUT-1")).toBeNull();
    expect(await h.client.getVoucherOrder(424242).catch((e: unknown) => e)).toMatchObject({
      httpStatus: 404,
      outcome: "rejected",
    });
  });
});
