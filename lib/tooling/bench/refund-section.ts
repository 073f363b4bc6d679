import { eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import type { Database } from "@/lib/platform/db/types";
import { applyProviderStatus } from "@/lib/domain/payments/apply-provider-status";
import { requestPayment } from "@/lib/domain/payments/request/request-payment";
import { requestPaymentInput } from "@/lib/domain/payments/request/request-payment-input";
import { createCheckoutClient, type CheckoutClient } from "@/lib/integrations/providers/checkout/client";
import { createOctoClient } from "@/lib/integrations/providers/octo/client";
import { issueRefund } from "@/lib/domain/refunds/issue-refund";
import { issueRefundInput } from "@/lib/domain/refunds/refund-input";
import type { RefundDeps } from "@/lib/domain/refunds/send-refund";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { startSandboxServer } from "@/lib/integrations/sandbox/testing";
import { customerDecides, providerFacts } from "@/lib/tooling/dev-seed/customer-journey";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { elapsedMs, summarize, type LatencySummary } from "./stats";
import { mark, printTable } from "./table";
import { providerClock } from "@/lib/domain/refunds/provider-clock";

const targetP95Ms = 50;

export interface RefundBenchResult {
  refunds: number;
  outcomes: Record<string, number>;
  total: LatencySummary;
  provider: LatencySummary;
  ours: LatencySummary;
}

/** Checkout.com client whose refund call records its own duration (the provider part of a refund). */
function timedRefunds(client: CheckoutClient, durations: number[]): CheckoutClient {
  return {
    ...client,
    async refundPayment(...args) {
      const start = process.hrtime.bigint();
      try {
        return await client.refundPayment(...args);
      } finally {
        durations.push(elapsedMs(start));
      }
    },
  };
}

async function capturedCheckoutPayments(
  deps: RefundDeps,
  actor: AuditActor,
  count: number,
  deadline: number,
): Promise<string[]> {
  const urls = {
    customerReturnUrl: "https://merchant.example/paid",
    octoNotifyUrl: "https://merchant.example/notify",
    octoTest: true,
  };
  const ids: string[] = [];
  while (ids.length < count && Date.now() < deadline) {
    const input = requestPaymentInput.parse({
      method: "checkout_api",
      currency: "HKD",
      amount: "100.00",
      idempotencyKey: crypto.randomUUID(),
    });
    const outcome = await requestPayment({ db: deps.db, clients: deps.clients, urls }, actor, input);
    const [requested] = await deps.db.select().from(payments).where(eq(payments.id, outcome.paymentId));
    if (!requested || outcome.kind !== "accepted") throw new Error(`payment request not accepted: ${outcome.kind}`);
    await customerDecides(requested, "approve");
    const facts = await providerFacts(deps, requested);
    if (!facts) throw new Error("the sandbox does not know the payment");
    await deps.db.transaction((tx) => applyProviderStatus(tx, facts, { source: "provider_poll", at: new Date() }));
    ids.push(requested.id);
  }
  return ids;
}

/**
 * Refund issuing server time, measured in-process: issueRefund (lib/domain/refunds/issue-refund.ts),
 * the function the issueRefund server action calls, with the deps it gets (our database pool,
 * provider clients, sandbox triggers), against the sandbox on a local HTTP server (no added
 * latency). Not included: the action's framing (session check, input parsing, revalidatePath)
 * and Next.js request handling. The provider part is the client's own refund call, timed inside.
 */
export async function runRefundSection(db: Database, quick: boolean): Promise<RefundBenchResult> {
  const sandbox = await startSandboxServer({ db, appUrl: "http://127.0.0.1:9" });
  try {
    const providerMs: number[] = [];
    const checkout = timedRefunds(
      createCheckoutClient({ ...sandboxCredentials.checkout, baseUrl: `${sandbox.url}/api/sandbox/checkout` }),
      providerMs,
    );
    const octo = createOctoClient({ ...sandboxCredentials.octo, baseUrl: `${sandbox.url}/api/sandbox/octo` });
    const deps: RefundDeps = {
      db,
      clients: { checkout, octo },
      sandboxTriggers: true,
      now: () => new Date(),
      providerNow: providerClock(db, true),
    };
    const actor = actorOf(await makeUser(db, "finance"));
    const count = quick ? 40 : 300;
    const paymentIds = await capturedCheckoutPayments(deps, actor, count + 10, Date.now() + (quick ? 60_000 : 240_000));
    const total: number[] = [];
    const ours: number[] = [];
    const allProvider: number[] = [];
    const outcomes: Record<string, number> = {};
    for (const [i, paymentId] of paymentIds.entries()) {
      const input = issueRefundInput.parse({
        paymentId,
        kind: "partial",
        amount: "10.00",
        reason: "customer_request",
        idempotencyKey: crypto.randomUUID(),
      });
      providerMs.length = 0;
      const start = process.hrtime.bigint();
      const outcome = await issueRefund(deps, actor, input);
      const ms = elapsedMs(start);
      const provider = providerMs.reduce((a, b) => a + b, 0);
      // The first ten warm the pool, the JIT and the sandbox.
      if (i < 10) continue;
      const key = `${outcome.kind}/${outcome.refund.status}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      total.push(ms);
      ours.push(ms - provider);
      allProvider.push(provider);
    }
    const result = {
      refunds: total.length,
      outcomes,
      total: summarize(total),
      provider: summarize(allProvider),
      ours: summarize(ours),
    };
    printRefunds(result);
    return result;
  } finally {
    await sandbox.close();
  }
}
function printRefunds(r: RefundBenchResult): void {
  const rows = [
    ["issueRefund total (ours + provider)", r.total, "–", null],
    ["provider call (floor: bare sandbox refund HTTP call)", r.provider, "–", null],
    ["server time excl. provider (total − provider)", r.ours, `p95<${targetP95Ms}ms`, r.ours.p95 < targetP95Ms],
  ] as const;
  printTable(
    `Refund submit, ${r.refunds} partial refunds on distinct captured payments (in-process issueRefund, sandbox at zero latency; outcomes ${Object.entries(
      r.outcomes,
    )
      .map(([k, v]) => `${k}:${v}`)
      .join(" ")})`,
    ["part", "p50 ms", "p95 ms", "p99 ms", "max ms", "target", "ok"],
    rows.map(([name, s, target, ok]) => [name, s.p50, s.p95, s.p99, s.max, target, mark(ok)]),
  );
}
