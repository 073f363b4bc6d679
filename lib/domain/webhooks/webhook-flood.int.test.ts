import { and, gt, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { webhookReceipts, webhookRejectionCounts } from "@/drizzle/schema";
import { testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { webhookPost as post, webhookRouteDatabase } from "@/lib/tooling/testing/webhook-route-handlers";
import {
  checkoutEvent,
  checkoutHeaders,
  octopusCardsEvent,
  webhookRequest,
} from "@/lib/tooling/testing/webhook-requests";
import { listReceipts } from "./list-receipts";
import { rejectedSamplesPerMinute, rejectionsInLastHour } from "./rejection-budget";

vi.mock("server-only", () => ({}));

const floodSize = 3_000;
const validEvery = 100;

describe(`a flood of unsigned webhook deliveries [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await webhookRouteDatabase();
  });
  afterAll(async () => t.dispose());

  it(`${floodSize} refused deliveries in two concurrent floods store at most the per-minute sample; every valid one interleaved is stored and listed first`, async () => {
    const [mark] = await t.db
      .select({ id: sql<string>`coalesce(max(${webhookReceipts.id}), 0)::text` })
      .from(webhookReceipts);
    const since = BigInt(mark?.id ?? "0");
    const validEventIds: string[] = [];

    /** One flood: unsigned Checkout.com events, badly signed Octopus Cards ones, a valid Checkout.com event every `validEvery`. */
    const flood = async (offset: number) => {
      for (let batch = offset; batch < floodSize; batch += 100) {
        await Promise.all(
          Array.from({ length: 50 }, async (_, i) => {
            const n = batch + i;
            if (n % validEvery === 0) {
              const body = checkoutEvent("payment_pending");
              validEventIds.push((JSON.parse(body) as { id: string }).id);
              expect((await post.checkout(webhookRequest("checkout", body, checkoutHeaders(body)))).status).toBe(200);
              return;
            }
            const response =
              n % 2 === 0
                ? await post.checkout(webhookRequest("checkout", checkoutEvent("payment_captured").padEnd(3_000, " ")))
                : await post["octopus-cards"](
                    webhookRequest("octopus-cards", octopusCardsEvent().body, {
                      "x-signature": "0".repeat(64),
                      "x-timestamp": String(Math.floor(Date.now() / 1000)),
                    }),
                  );
            expect(response.status).toBe(401);
          }),
        );
      }
    };
    await Promise.all([flood(0), flood(50)]);
    const refused = floodSize - validEventIds.length;

    const added = await t.db.select().from(webhookReceipts).where(gt(webhookReceipts.id, since));
    const counters = await t.db.select().from(webhookRejectionCounts);
    const storedRefused = added.filter((r) => r.signature !== "valid");

    // Every refused delivery is counted; per provider and minute at most the sample is stored.
    expect(counters.reduce((sum, c) => sum + c.received, 0)).toBe(refused);
    expect(storedRefused.length).toBeLessThanOrEqual(rejectedSamplesPerMinute * counters.length);
    const perMinute = new Map<string, number>();
    for (const r of storedRefused) {
      const key = `${r.provider} ${Math.floor(r.receivedAt.getTime() / 60_000)}`;
      perMinute.set(key, (perMinute.get(key) ?? 0) + 1);
    }
    for (const [key, count] of perMinute) expect(count, key).toBeLessThanOrEqual(rejectedSamplesPerMinute);
    expect(storedRefused.every((r) => r.rawBody.length <= 1024)).toBe(true);
    // Growth: the valid deliveries, the samples and one counter row per provider per minute.
    expect(added.length).toBeLessThanOrEqual(validEventIds.length + rejectedSamplesPerMinute * counters.length);

    // Every valid delivery interleaved with the flood was stored and applied.
    const validStored = added.filter((r) => r.signature === "valid" && r.outcome === "applied").map((r) => r.eventId);
    expect(new Set(validStored)).toEqual(new Set(validEventIds));

    // The Webhooks list's first page shows the valid deliveries, newest first, no refused one among them.
    const { rows } = await listReceipts(t.db, {});
    expect(rows.every((r) => r.signature === "valid")).toBe(true);
    expect(
      rows
        .slice(0, validEventIds.length)
        .map((r) => r.eventId)
        .sort(),
    ).toEqual([...validEventIds].sort());
    const refusedView = await listReceipts(t.db, { signature: "refused" });
    expect(refusedView.rows.length).toBeGreaterThan(0);
    expect(refusedView.rows.every((r) => r.signature !== "valid")).toBe(true);

    // And the page can say how many were counted but not stored.
    const lastHour = await rejectionsInLastHour(t.db);
    expect(lastHour.received).toBe(refused);
    expect(lastHour.notStored).toBe(refused - storedRefused.length);
    expect(
      await t.db.$count(webhookReceipts, and(gt(webhookReceipts.id, since), ne(webhookReceipts.signature, "valid"))),
    ).toBe(storedRefused.length);
  }, 300_000);
});
