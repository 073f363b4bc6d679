import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { advanceClock, sandboxNow } from "./clock";
import { dispatchSandbox } from "./dispatch";
import { scheduleEvent, runDueEvents } from "./events";
import { queueFault, takeFault } from "./faults";
import { jsonResponse } from "./http";
import type { SandboxProviderName } from "./provider-names";
import { insertDoc, getDoc, DuplicateDocumentError } from "./store";
import type { SandboxProvider } from "./types";
import { deliverDueWebhooks, enqueueWebhook, listWebhookDeliveries } from "./webhooks";

function fakeProvider(calls: string[]): SandboxProvider {
  return {
    name: "checkout",
    handle: async (request) => {
      calls.push(`${request.method} ${request.path}`);
      return jsonResponse(201, { handled: request.path });
    },
    events: {
      settle: async (tx, payload, ctx) => {
        await insertDoc(
          tx,
          { provider: "checkout", kind: "settled" },
          { id: String(payload.id), data: { at: ctx.now.toISOString() }, now: ctx.now },
        );
      },
    },
    webhookRetryDelaysMs: [60_000, 120_000],
  };
}

const providersWith = (provider: SandboxProvider) =>
  ({ checkout: provider, octo: provider, "octopus-cards": provider }) as Record<SandboxProviderName, SandboxProvider>;

describe(`sandbox core [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  it("moves the clock forward only, and every reader sees the same time", async () => {
    const before = await sandboxNow(t.db);
    const after = await advanceClock(t.db, 91 * 86_400_000);
    expect(after.getTime() - before.getTime()).toBeGreaterThanOrEqual(91 * 86_400_000);
    await expect(advanceClock(t.db, -1)).rejects.toThrow(RangeError);
  });

  it("uses each queued fault exactly as many times as asked, for matching requests only", async () => {
    await queueFault(t.db, { provider: "octo", kind: "http_500", method: "POST", pathContains: "/refund", count: 2 });
    expect(await takeFault(t.db, "octo", "GET", "/refund")).toBeNull();
    expect(await takeFault(t.db, "octo", "POST", "/prepare_payment")).toBeNull();
    expect((await takeFault(t.db, "octo", "POST", "/refund"))?.kind).toBe("http_500");
    expect((await takeFault(t.db, "octo", "POST", "/refund"))?.kind).toBe("http_500");
    expect(await takeFault(t.db, "octo", "POST", "/refund")).toBeNull();
  });

  it("never processes a request answered by an error fault, and processes a lost response", async () => {
    const calls: string[] = [];
    const provider = fakeProvider(calls);
    const request = () => new Request("http://sandbox.test/api/sandbox/checkout/x", { method: "POST", body: "{}" });
    const options = {
      db: t.db,
      path: "/x",
      baseUrl: "http://sandbox.test/api/sandbox/checkout",
      appUrl: "http://app.test",
    };

    await queueFault(t.db, { provider: "checkout", kind: "http_502" });
    const failed = await dispatchSandbox(provider, request(), options);
    expect(failed.kind === "response" && failed.response.status).toBe(502);
    expect(calls).toEqual([]);

    await queueFault(t.db, { provider: "checkout", kind: "reset" });
    expect((await dispatchSandbox(provider, request(), options)).kind).toBe("drop");
    expect(calls).toEqual([]);

    await queueFault(t.db, { provider: "checkout", kind: "lost_response" });
    expect((await dispatchSandbox(provider, request(), options)).kind).toBe("drop");
    expect(calls).toEqual(["POST /x"]);

    const normal = await dispatchSandbox(provider, request(), options);
    expect(normal.kind === "response" && normal.response.status).toBe(201);
    expect(calls).toHaveLength(2);
  });

  it("runs a scheduled event once, when the sandbox clock reaches it", async () => {
    const provider = fakeProvider([]);
    const now = await sandboxNow(t.db);
    await scheduleEvent(t.db, {
      provider: "checkout",
      kind: "settle",
      dueAt: new Date(now.getTime() + 3_600_000),
      payload: { id: "e1" },
    });
    expect(await runDueEvents(t.db, providersWith(provider), { now, appUrl: "http://app.test" })).toBe(0);
    const later = await advanceClock(t.db, 2 * 3_600_000);
    expect(await runDueEvents(t.db, providersWith(provider), { now: later, appUrl: "http://app.test" })).toBe(1);
    expect(await runDueEvents(t.db, providersWith(provider), { now: later, appUrl: "http://app.test" })).toBe(0);
    expect(await getDoc(t.db, { provider: "checkout", kind: "settled" }, "e1")).not.toBeNull();
  });

  it("keeps lookup keys unique within a kind", async () => {
    const now = new Date();
    await insertDoc(t.db, { provider: "octo", kind: "refund" }, { id: "r1", lookupKey: "shop-1", data: {}, now });
    await expect(
      insertDoc(t.db, { provider: "octo", kind: "refund" }, { id: "r2", lookupKey: "shop-1", data: {}, now }),
    ).rejects.toBeInstanceOf(DuplicateDocumentError);
    await insertDoc(t.db, { provider: "octo", kind: "payment" }, { id: "p1", lookupKey: "shop-1", data: {}, now });
  });

  describe("webhook delivery", () => {
    let receiver: Server;
    let receiverUrl = "";
    const received: { body: string; signature: string | undefined }[] = [];
    let failuresLeft = 1;

    beforeAll(async () => {
      receiver = createServer((req, res) => {
        let body = "";
        req.on("data", (chunk: Buffer) => (body += chunk.toString()));
        req.on("end", () => {
          if (failuresLeft > 0) {
            failuresLeft -= 1;
            res.writeHead(500).end();
            return;
          }
          received.push({ body, signature: req.headers["x-test-signature"] as string | undefined });
          res.writeHead(200).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    });
    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    it("retries a failed delivery on the provider's schedule in sandbox time", async () => {
      const provider = fakeProvider([]);
      const providers = providersWith(provider);
      const now = await sandboxNow(t.db);
      await enqueueWebhook(
        t.db,
        {
          provider: "checkout",
          eventId: "evt_1",
          eventType: "payment_captured",
          url: receiverUrl,
          headers: { "x-test-signature": "sig" },
          body: '{"id":"evt_1"}',
        },
        now,
      );
      expect(await deliverDueWebhooks(t.db, providers, now)).toBe(1);
      expect(received).toHaveLength(0);
      expect(await deliverDueWebhooks(t.db, providers, new Date(now.getTime() + 30_000))).toBe(0);
      expect(await deliverDueWebhooks(t.db, providers, new Date(now.getTime() + 61_000))).toBe(1);
      expect(received).toEqual([{ body: '{"id":"evt_1"}', signature: "sig" }]);
      const [delivery] = await listWebhookDeliveries(t.db, "checkout");
      expect(delivery).toMatchObject({ attempts: 2, lastStatus: 200 });
      expect(delivery?.deliveredAt).not.toBeNull();
    });
  });
});
