import type { Request as AutocannonRequest } from "autocannon";
import { signCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook-signature";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import type { BenchDatabase } from "./bench-database";
import { runLoad, type LoadResult } from "./load";
import { intBetween } from "./random";
import { mark, printTable } from "./table";
import { createHash } from "node:crypto";

const targetPerSecond = 500;
const duplicateShare = 0.2;

export interface WebhookResult {
  load: LoadResult;
  /** The floor: the same server answering its cheapest route handler that touches the database (GET /api/health, one `select 1`). */
  floor: LoadResult;
  outcomes: Record<string, number>;
  distinctEventIdsAnswered: number;
  /** Distinct event ids with any receipt: every one must have exactly one first (applied) receipt. */
  distinctEventIdsReceived: number;
  storedFirstReceipts: number;
  eventIdsStoredMoreThanOnce: number;
  receipts: number;
  exactlyOnce: boolean;
}

/** A signed payment_captured delivery for seeded Checkout.com payment g (captured, so it applies as unchanged). */
function delivery(eventId: string, g: number): { body: string; signature: string } {
  const payId = `pay_${createHash("md5").update(`${g}x`).digest("hex").slice(0, 26)}`;
  const body = JSON.stringify({
    id: eventId,
    type: "payment_captured",
    created_on: new Date().toISOString(),
    data: { id: payId, reference: `ORD-${String(g).padStart(8, "0")}` },
  });
  return { body, signature: signCheckoutWebhook(body, sandboxCredentials.checkout.webhookSecret) };
}

/** Seeded captured Checkout.com payments: g % 3 ≠ 2 (Checkout.com) and g % 10 < 7 (captured). */
function capturedCheckoutPayment(rnd: () => number, payments: number): number {
  for (;;) {
    const g = intBetween(rnd, 0, payments - 1);
    if (g % 3 !== 2 && g % 10 < 7) return g;
  }
}

export async function runWebhookSection(
  url: string,
  bench: BenchDatabase,
  payments: number,
  rnd: () => number,
  quick: boolean,
): Promise<WebhookResult> {
  const run = `evt_bench_${Date.now().toString(36)}`;
  const seconds = quick ? 3 : 10;
  const planned = quick ? 3_000 : 20_000;
  const sent: { eventId: string; g: number }[] = [];
  for (let i = 0; i < planned; i += 1) {
    const repeat = sent.length > 0 && rnd() < duplicateShare;
    sent.push(
      repeat
        ? sent[intBetween(rnd, Math.max(0, sent.length - 200), sent.length - 1)]!
        : { eventId: `${run}_${i}`, g: capturedCheckoutPayment(rnd, payments) },
    );
  }
  let next = 0;
  const outcomes: Record<string, number> = {};
  const answered = new Set<string>();
  const request: AutocannonRequest = {
    method: "POST",
    path: "/api/webhooks/checkout",
    setupRequest: (req) => {
      // Past the planned list the deliveries wrap around (all duplicates from then on).
      const planned = sent[next % sent.length]!;
      next += 1;
      const { body, signature } = delivery(planned.eventId, planned.g);
      return {
        ...req,
        body,
        headers: { ...req.headers, "content-type": "application/json", "cko-signature": signature },
      };
    },
    onResponse: (status, body) => {
      let outcome = `HTTP ${status}`;
      try {
        outcome = (JSON.parse(body) as { outcome?: string }).outcome ?? outcome;
      } catch {
        // not JSON: counted by status
      }
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    },
  };
  const floor = await runLoad({ label: "GET /api/health", url, path: "/api/health", connections: 5, seconds });
  const load = await runLoad({
    label: "POST /api/webhooks/checkout",
    url,
    path: "/api/webhooks/checkout",
    connections: 5,
    seconds,
    requests: [request],
  });
  for (let i = 0; i < Math.min(next, load.requests); i += 1) answered.add(sent[i % sent.length]!.eventId);

  const check = (await bench.raw(
    `select count(*) filter (where is_first)::int as firsts,
            count(distinct event_id)::int as distinct_ids,
            count(*)::int as receipts,
            (select count(*)::int from (select event_id from webhook_receipts where provider = 'checkout' and event_id like $1 and is_first group by event_id having count(*) > 1) d) as doubled
       from webhook_receipts where provider = 'checkout' and event_id like $1`,
    [`${run}_%`],
  )) as { firsts: number; distinct_ids: number; receipts: number; doubled: number }[];
  const row = check[0]!;
  const result: WebhookResult = {
    load,
    floor,
    outcomes,
    distinctEventIdsAnswered: answered.size,
    distinctEventIdsReceived: row.distinct_ids,
    storedFirstReceipts: row.firsts,
    eventIdsStoredMoreThanOnce: row.doubled,
    receipts: row.receipts,
    exactlyOnce: row.doubled === 0 && row.firsts === row.distinct_ids,
  };
  printWebhook(result);
  return result;
}

function printWebhook(r: WebhookResult): void {
  const applied = r.outcomes.applied ?? 0;
  const duplicates = r.outcomes.duplicate ?? 0;
  printTable(
    `Webhook ingestion (signed Checkout.com payment_captured, ${Math.round(duplicateShare * 100)}% repeated event ids, 5 connections; floor: GET /api/health on the same server)`,
    [
      "deliveries",
      "deliveries/s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "new (applied)",
      "duplicates",
      "other",
      "floor req/s",
      "of floor",
      "target",
      "ok",
    ],
    [
      [
        String(r.load.requests),
        r.load.reqPerSec,
        r.load.latency.p50,
        r.load.latency.p95,
        r.load.latency.p99,
        String(applied),
        String(duplicates),
        Object.entries(r.outcomes)
          .filter(([k]) => k !== "applied" && k !== "duplicate")
          .map(([k, v]) => `${k}:${v}`)
          .join(" ") || "0",
        r.floor.reqPerSec,
        r.floor.reqPerSec > 0 ? `${Math.round((r.load.reqPerSec / r.floor.reqPerSec) * 100)}%` : "—",
        `≥${targetPerSecond}/s`,
        mark(r.load.reqPerSec >= targetPerSecond && r.load.non2xx === 0),
      ],
    ],
  );
  printTable(
    "Webhook exactly-once check (database, this run's event ids)",
    [
      "distinct ids sent (client)",
      "distinct ids with a receipt",
      "first receipts",
      "ids with >1 first",
      "receipts",
      "each id stored once",
      "ok",
    ],
    [
      [
        String(r.distinctEventIdsAnswered),
        String(r.distinctEventIdsReceived),
        String(r.storedFirstReceipts),
        String(r.eventIdsStoredMoreThanOnce),
        String(r.receipts),
        r.exactlyOnce ? "yes" : "NO",
        mark(r.exactlyOnce),
      ],
    ],
  );
}
