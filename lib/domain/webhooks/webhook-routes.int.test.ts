import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as paymentProviderPost } from "@/app/api/webhooks/[provider]/route";
import { markReceipts, receiptsSince, tableChecksums } from "@/lib/tooling/testing/table-checksums";
import { testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { webhookPost as post, webhookRouteDatabase } from "@/lib/tooling/testing/webhook-route-handlers";
import {
  bodyLimits,
  checkoutEvent,
  checkoutHeaders,
  flipCharacter,
  octoCallback,
  octopusCardsEvent,
  octopusCardsHeaders,
  webhookKeys,
  webhookRequest,
  type WebhookProvider,
} from "@/lib/tooling/testing/webhook-requests";

vi.mock("server-only", () => ({}));

/**
 * The three webhook route handlers, called in-process with real Requests on a test database:
 * every hostile delivery is refused and changes no ledger row (payments, refunds, orders and
 * every other table are checksummed before and after); only a "rejected" receipt is added.
 */
describe(`webhook route handlers refuse hostile deliveries [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await webhookRouteDatabase();
  });
  afterAll(async () => t.dispose());

  /** Sends the request and proves it changed no table and only added receipts with the given outcomes. */
  async function expectNoStateChange(
    provider: WebhookProvider,
    request: Request,
    expected: { status: number; receipts: string[] },
  ) {
    const before = await tableChecksums(t.db, ["webhook_receipts", "webhook_rejection_counts"]);
    const mark = await markReceipts(t.db);
    const response = await post[provider](request);
    expect(response.status).toBe(expected.status);
    expect(await tableChecksums(t.db, ["webhook_receipts", "webhook_rejection_counts"])).toEqual(before);
    expect(await receiptsSince(t.db, mark)).toEqual({ earlierUnchanged: true, addedOutcomes: expected.receipts });
    return response;
  }

  it("a provider the registry does not know → 404, before anything is read or written", async () => {
    const before = await tableChecksums(t.db, []);
    const b = checkoutEvent("payment_captured");
    const response = await paymentProviderPost(webhookRequest("checkout", b, checkoutHeaders(b)), {
      params: Promise.resolve({ provider: "stripe" }),
    });
    expect(response.status).toBe(404);
    expect(await tableChecksums(t.db, [])).toEqual(before);
  });

  describe("Checkout.com", () => {
    const body = () => checkoutEvent("payment_captured");
    it("unsigned → 401", async () => {
      await expectNoStateChange("checkout", webhookRequest("checkout", body()), {
        status: 401,
        receipts: ["rejected"],
      });
    });
    it("a NUL character (Postgres text cannot hold one) is still refused with a receipt, not a 500", async () => {
      await expectNoStateChange("checkout", webhookRequest("checkout", "\u0000"), {
        status: 401,
        receipts: ["rejected"],
      });
      await expectNoStateChange("checkout", webhookRequest("checkout", '{"id":"evt_\\u0000"}'), {
        status: 401,
        receipts: ["rejected"],
      });
    });
    it("wrong signature (another key, one flipped digit) → 401", async () => {
      const b = body();
      await expectNoStateChange("checkout", webhookRequest("checkout", b, checkoutHeaders(b, "another key")), {
        status: 401,
        receipts: ["rejected"],
      });
      const flipped = flipCharacter(checkoutHeaders(b)["cko-signature"], 7);
      await expectNoStateChange("checkout", webhookRequest("checkout", b, { "cko-signature": flipped }), {
        status: 401,
        receipts: ["rejected"],
      });
    });
    it("tampered body → 401", async () => {
      const b = body();
      await expectNoStateChange(
        "checkout",
        webhookRequest("checkout", b.replace("12300", "99900"), checkoutHeaders(b)),
        { status: 401, receipts: ["rejected"] },
      );
    });
    it("malformed JSON, validly signed → 400", async () => {
      const b = '{"id":"evt_1","type":';
      await expectNoStateChange("checkout", webhookRequest("checkout", b, checkoutHeaders(b)), {
        status: 400,
        receipts: ["rejected"],
      });
    });
    it("oversized body → 413, before reading on and before any receipt", async () => {
      const b = JSON.stringify({ pad: "x".repeat(bodyLimits.checkout) });
      await expectNoStateChange("checkout", webhookRequest("checkout", b, checkoutHeaders(b)), {
        status: 413,
        receipts: [],
      });
    });
    it("a replayed event is applied once; the replays change nothing", async () => {
      const b = checkoutEvent("payment_pending");
      expect((await post.checkout(webhookRequest("checkout", b, checkoutHeaders(b)))).status).toBe(200);
      for (let i = 0; i < 3; i++)
        await expectNoStateChange("checkout", webhookRequest("checkout", b, checkoutHeaders(b)), {
          status: 200,
          receipts: ["duplicate"],
        });
    });
  });

  describe("OCTO", () => {
    it("unsigned → 401", async () => {
      const unsigned = { ...octoCallback(), signature: undefined };
      await expectNoStateChange("octo", webhookRequest("octo", JSON.stringify(unsigned)), {
        status: 401,
        receipts: ["rejected"],
      });
    });
    it("wrong signature (another key, one flipped digit) → 401", async () => {
      await expectNoStateChange("octo", webhookRequest("octo", JSON.stringify(octoCallback({ key: "another key" }))), {
        status: 401,
        receipts: ["rejected"],
      });
      const callback = octoCallback();
      const flipped = { ...callback, signature: flipCharacter(String(callback.signature), 3, "0123456789ABCDEF") };
      await expectNoStateChange("octo", webhookRequest("octo", JSON.stringify(flipped)), {
        status: 401,
        receipts: ["rejected"],
      });
    });
    it("tampered signed fields (status, payment uuid) → 401", async () => {
      const callback = octoCallback({ status: "canceled" });
      await expectNoStateChange("octo", webhookRequest("octo", JSON.stringify({ ...callback, status: "succeeded" })), {
        status: 401,
        receipts: ["rejected"],
      });
      await expectNoStateChange(
        "octo",
        webhookRequest("octo", JSON.stringify({ ...callback, octo_payment_UUID: crypto.randomUUID() })),
        { status: 401, receipts: ["rejected"] },
      );
    });
    it("malformed JSON → 400", async () => {
      await expectNoStateChange("octo", webhookRequest("octo", '{"octo_payment_UUID": "x", '), {
        status: 400,
        receipts: ["rejected"],
      });
    });
    it("oversized body → 413", async () => {
      const b = JSON.stringify({ ...octoCallback(), pad: "x".repeat(bodyLimits.octo) });
      await expectNoStateChange("octo", webhookRequest("octo", b), { status: 413, receipts: [] });
    });
    it("a replayed callback is claimed once; the replays change nothing", async () => {
      const b = JSON.stringify(octoCallback());
      expect((await post.octo(webhookRequest("octo", b))).status).toBe(200);
      for (let i = 0; i < 3; i++)
        await expectNoStateChange("octo", webhookRequest("octo", b), { status: 200, receipts: ["duplicate"] });
    });
  });

  describe("Octopus Cards", () => {
    it("unsigned → 401", async () => {
      const { body, eventId } = octopusCardsEvent();
      await expectNoStateChange("octopus-cards", webhookRequest("octopus-cards", body, { "x-event-id": eventId }), {
        status: 401,
        receipts: ["rejected"],
      });
    });
    it("wrong signature (another key, one flipped digit) → 401", async () => {
      const { body, eventId } = octopusCardsEvent();
      await expectNoStateChange(
        "octopus-cards",
        webhookRequest("octopus-cards", body, octopusCardsHeaders(body, eventId, { key: "another key" })),
        { status: 401, receipts: ["rejected"] },
      );
      const headers = octopusCardsHeaders(body, eventId);
      const flipped = { ...headers, "x-signature": flipCharacter(headers["x-signature"], 11) };
      await expectNoStateChange("octopus-cards", webhookRequest("octopus-cards", body, flipped), {
        status: 401,
        receipts: ["rejected"],
      });
    });
    it("tampered body, stale or future timestamp → 401", async () => {
      const { body, eventId } = octopusCardsEvent("order.completed");
      const headers = octopusCardsHeaders(body, eventId);
      await expectNoStateChange(
        "octopus-cards",
        webhookRequest("octopus-cards", body.replace("order.completed", "order.refunded"), headers),
        { status: 401, receipts: ["rejected"] },
      );
      // Well past the 5-minute window: at ±301 s, a second lost to rounding and a busy machine
      // brought a future timestamp back inside it (seen once on CI).
      for (const skewSeconds of [-330, 330]) {
        const timestamp = String(Math.floor(Date.now() / 1000) + skewSeconds);
        await expectNoStateChange(
          "octopus-cards",
          webhookRequest("octopus-cards", body, octopusCardsHeaders(body, eventId, { timestamp })),
          { status: 401, receipts: ["rejected"] },
        );
      }
    });
    it("malformed JSON, validly signed → 400", async () => {
      const body = '{"id": "evt_x", "type": "order.completed"';
      await expectNoStateChange(
        "octopus-cards",
        webhookRequest("octopus-cards", body, octopusCardsHeaders(body, "evt_x")),
        { status: 400, receipts: ["rejected"] },
      );
    });
    it("oversized body → 413", async () => {
      const body = JSON.stringify({ pad: "x".repeat(bodyLimits["octopus-cards"]) });
      await expectNoStateChange(
        "octopus-cards",
        webhookRequest("octopus-cards", body, octopusCardsHeaders(body, "evt_big")),
        { status: 413, receipts: [] },
      );
    });
    it("a replayed event (even freshly re-signed) is claimed once; the replays change nothing", async () => {
      const { body, eventId } = octopusCardsEvent();
      expect(
        (await post["octopus-cards"](webhookRequest("octopus-cards", body, octopusCardsHeaders(body, eventId)))).status,
      ).toBe(200);
      for (let i = 0; i < 3; i++) {
        await expectNoStateChange(
          "octopus-cards",
          webhookRequest("octopus-cards", body, octopusCardsHeaders(body, eventId)),
          { status: 200, receipts: ["duplicate"] },
        );
      }
    });
  });

  it("the keys under test are the ones the routes verify with (a valid delivery is accepted)", async () => {
    const b = checkoutEvent("payment_pending");
    expect((await post.checkout(webhookRequest("checkout", b, checkoutHeaders(b, webhookKeys.checkout)))).status).toBe(
      200,
    );
  });
});
