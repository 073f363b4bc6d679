import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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
  webhookProviders,
  webhookRequest,
  type WebhookProvider,
} from "@/lib/tooling/testing/webhook-requests";

vi.mock("server-only", () => ({}));

/** 10,000 runs by default (about 45 s on PGlite on a busy 2-CPU box); FUZZ_RUNS overrides, FUZZ_SEED replays. */
const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

const headerValue = fc.string({ maxLength: 80 }).map((s) => s.trim());
const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF"), minLength: length, maxLength: length });

/** A delivery that must be refused: garbage, or a valid one with exactly one thing wrong. */
const hostileDelivery: fc.Arbitrary<{ provider: WebhookProvider; body: string; headers: Record<string, string> }> =
  fc.oneof(
    // Random bodies and random values in the headers each receiver reads.
    fc.record({
      provider: fc.constantFrom(...webhookProviders),
      body: fc.oneof(
        fc.string({ maxLength: 400 }),
        fc.json({ maxDepth: 3 }),
        fc.string({ unit: "binary", maxLength: 200 }),
      ),
      headers: fc.record(
        {
          "cko-signature": fc.oneof(headerValue, hex(64)),
          "x-signature": fc.oneof(headerValue, hex(64)),
          "x-timestamp": headerValue,
          "x-event-id": headerValue,
          "user-agent": headerValue,
        },
        { requiredKeys: [] },
      ),
    }),
    // Near-valid Checkout.com: a real event signed, then the body or the signature off by one character.
    fc
      .record({ index: fc.nat(), tamper: fc.constantFrom("body", "signature", "truncate") })
      .map(({ index, tamper }) => {
        const body = checkoutEvent(index % 2 ? "payment_captured" : "payment_pending");
        const signature = checkoutHeaders(body)["cko-signature"];
        if (tamper === "body")
          return {
            provider: "checkout" as const,
            body: flipCharacter(body, index, 'x0{}"9 '),
            headers: { "cko-signature": signature },
          };
        if (tamper === "truncate")
          return {
            provider: "checkout" as const,
            body,
            headers: { "cko-signature": signature.slice(0, index % signature.length) },
          };
        return { provider: "checkout" as const, body, headers: { "cko-signature": flipCharacter(signature, index) } };
      }),
    // Near-valid OCTO: signed callback with a signed field or the signature off by one character.
    fc.record({ index: fc.nat(), tamper: fc.constantFrom("uuid", "status", "signature") }).map(({ index, tamper }) => {
      const callback = octoCallback({ status: index % 2 ? "succeeded" : "canceled" });
      const changed =
        tamper === "uuid"
          ? { ...callback, octo_payment_UUID: flipCharacter(String(callback.octo_payment_UUID), index) }
          : tamper === "status"
            ? { ...callback, status: flipCharacter(String(callback.status), index, "xyz") }
            : { ...callback, signature: flipCharacter(String(callback.signature), index, "0123456789ABCDEF") };
      return { provider: "octo" as const, body: JSON.stringify(changed), headers: {} };
    }),
    // Near-valid Octopus Cards: right signature with a bad timestamp, or a body/signature off by one.
    fc
      .record({
        index: fc.nat(),
        tamper: fc.constantFrom("body", "signature", "timestamp"),
        // Past the 5-minute window by more than rounding and a busy machine can take back.
        skew: fc.integer({ min: 330, max: 10 ** 6 }),
        sign: fc.boolean(),
      })
      .map(({ index, tamper, skew, sign }) => {
        const { body, eventId } = octopusCardsEvent(index % 2 ? "order.completed" : "wallet.credited");
        if (tamper === "timestamp") {
          const timestamp = String(Math.floor(Date.now() / 1000) + (sign ? skew : -skew));
          return {
            provider: "octopus-cards" as const,
            body,
            headers: octopusCardsHeaders(body, eventId, { timestamp }),
          };
        }
        const headers = octopusCardsHeaders(body, eventId);
        if (tamper === "body")
          return { provider: "octopus-cards" as const, body: flipCharacter(body, index, 'x0{}"9 '), headers };
        return {
          provider: "octopus-cards" as const,
          body,
          headers: { ...headers, "x-signature": flipCharacter(headers["x-signature"], index) },
        };
      }),
    // Oversized bodies, just over each receiver's limit.
    fc
      .constantFrom(...webhookProviders)
      .map((provider) => ({ provider, body: "x".repeat(bodyLimits[provider] + 1), headers: {} })),
  );

describe(`webhook route handlers under fuzz [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await webhookRouteDatabase();
  });
  afterAll(async () => t.dispose());

  it(`${runs} hostile deliveries: never a 5xx, never a change beyond a "rejected" receipt`, async () => {
    console.log(`[webhook fuzz] runs=${runs} seed=${seed} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs})`);
    const before = await tableChecksums(t.db, ["webhook_receipts", "webhook_rejection_counts"]);
    const mark = await markReceipts(t.db);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(hostileDelivery, async ({ provider, body, headers }) => {
        const response = await post[provider](webhookRequest(provider, body, headers));
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect([400, 401, 413]).toContain(response.status);
      }),
      { numRuns: runs, seed },
    );
    console.log(`[webhook fuzz] statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(await tableChecksums(t.db, ["webhook_receipts", "webhook_rejection_counts"])).toEqual(before);
    const receipts = await receiptsSince(t.db, mark);
    expect(receipts.earlierUnchanged).toBe(true);
    expect(new Set(receipts.addedOutcomes)).toEqual(new Set(["rejected"]));
  }, 600_000);
});
