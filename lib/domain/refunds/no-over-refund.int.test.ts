import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import type { PaymentProviderClients } from "@/lib/integrations/providers/provider-clients";
import type { CheckoutClient } from "@/lib/integrations/providers/checkout/client";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testServerUrl, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { issueRefund } from "./issue-refund";
import { issueRefundInput } from "./refund-input";
import type { RefundDeps } from "./send-refund";

/**
 * G1 of reliability-and-performance.md: 2–16 concurrent refund attempts on one payment, some
 * reusing a key, never refund more than was captured, and each key makes exactly one provider
 * call. On the Postgres server only: PGlite has one connection, so nothing would run at once.
 */
const runs = 200;

interface Attempt {
  amountTens: number;
  full: boolean;
  /** Index of an earlier attempt whose key (and amount) this one reuses: a double click. */
  reuses: number | null;
}

const attemptsArbitrary = fc.array(
  fc.record({
    amountTens: fc.integer({ min: 1, max: 600 }),
    full: fc.boolean(),
    reuses: fc.option(fc.nat({ max: 15 }), { nil: null }),
  }),
  { minLength: 2, maxLength: 16 },
);

/** A provider that answers every refund, counting calls per idempotency key. */
function countingProvider() {
  const callsPerKey = new Map<string, number>();
  const checkout: Pick<CheckoutClient, "refundPayment"> = {
    async refundPayment(_paymentId, _input, key) {
      callsPerKey.set(key, (callsPerKey.get(key) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      return {
        actionId: `act_${crypto.randomUUID().replaceAll("-", "").slice(0, 26)}`,
        reference: null,
        paymentUrl: "",
      };
    },
  };
  return { callsPerKey, clients: { checkout, octo: {} } as unknown as PaymentProviderClients };
}

async function capturedPayment(db: Database, capturedMinor: bigint): Promise<string> {
  const [row] = await db
    .insert(payments)
    .values({
      provider: "checkout",
      flow: "external",
      status: "captured",
      providerPaymentId: `pay_${crypto.randomUUID().replaceAll("-", "").slice(0, 26)}`,
      reference: "PROPERTY",
      amountMinor: capturedMinor,
      capturedMinor,
      currency: "HKD",
    })
    .returning({ id: payments.id });
  if (!row) throw new Error("no payment");
  return row.id;
}

type IssueFn = (
  deps: RefundDeps,
  actor: AuditActor,
  paymentId: string,
  attempt: Attempt,
  key: string,
) => Promise<unknown>;

const viaService: IssueFn = (deps, actor, paymentId, attempt, key) =>
  issueRefund(
    deps,
    actor,
    issueRefundInput.parse({
      paymentId,
      kind: attempt.full ? "full" : "partial",
      amount: `${attempt.amountTens / 10}`,
      reason: "duplicate",
      idempotencyKey: key,
    }),
  );

/** The common bug (§1.6): read what is refunded, then insert, with no lock. The property must catch it. */
const naiveCheckThenInsert: IssueFn = async (deps, actor, paymentId, attempt, key) => {
  const [payment] = await deps.db.select().from(payments).where(eq(payments.id, paymentId));
  if (!payment) throw new Error("no payment");
  const [{ refunded } = { refunded: 0n }] = await deps.db
    .select({ refunded: sql<bigint>`coalesce(sum(${refunds.amountMinor}), 0)`.mapWith(BigInt) })
    .from(refunds)
    .where(eq(refunds.paymentId, paymentId));
  const amountMinor = attempt.full ? payment.capturedMinor - refunded : BigInt(attempt.amountTens * 10);
  if (amountMinor <= 0n || refunded + amountMinor > payment.capturedMinor)
    throw new AppError("VALIDATION_FAILED", "too much");
  await new Promise((resolve) => setTimeout(resolve, 2));
  await deps.db.insert(refunds).values({
    paymentId,
    provider: "checkout",
    status: "pending",
    amountMinor,
    currency: "HKD",
    reason: "duplicate",
    idempotencyKey: key,
    requestedBy: actor.userId,
  });
  await deps.clients.checkout.refundPayment(payment.providerPaymentId ?? "", { amountMinor }, key);
};

describe.skipIf(!testServerUrl)("no over-refund under concurrency [postgres]", () => {
  let database: TestDatabase;
  let actor: AuditActor;
  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 20 });
    actor = actorOf(await makeUser(database.db, "finance"));
  }, 180_000);
  afterAll(async () => database?.dispose());

  /** Runs one generated case and returns what broke (empty when the invariants hold). */
  async function runCase(issue: IssueFn, attempts: Attempt[]): Promise<string[]> {
    const capturedMinor = 3_000n;
    const paymentId = await capturedPayment(database.db, capturedMinor);
    const provider = countingProvider();
    const deps: RefundDeps = {
      db: database.db,
      clients: provider.clients,
      sandboxTriggers: false,
      now: () => new Date(),
      providerNow: async () => new Date(),
    };
    const keys = attempts.map(() => crypto.randomUUID());
    const resolved = attempts.map((attempt, i) => {
      const source = attempt.reuses !== null && attempt.reuses < i ? attempt.reuses : i;
      return { attempt: attempts[source] ?? attempt, key: keys[source] ?? crypto.randomUUID() };
    });
    // All attempts start together, each on its own pooled connection.
    const settled = await Promise.allSettled(
      resolved.map(({ attempt, key }) => issue(deps, actor, paymentId, attempt, key)),
    );
    const problems: string[] = [];
    for (const result of settled) {
      if (result.status === "rejected" && !(result.reason instanceof AppError))
        problems.push(`unexpected error: ${String(result.reason)}`);
    }
    const rows = await database.db.select().from(refunds).where(eq(refunds.paymentId, paymentId));
    const refunded = rows.reduce((sum, r) => sum + r.amountMinor, 0n);
    if (refunded > capturedMinor) problems.push(`refunded ${refunded} of ${capturedMinor} captured`);
    const [payment] = await database.db.select().from(payments).where(eq(payments.id, paymentId));
    if (issue === viaService && payment?.refundReservedMinor !== refunded)
      problems.push(`reserved ${payment?.refundReservedMinor} ≠ refunds ${refunded}`);
    for (const key of new Set(resolved.map((r) => r.key))) {
      const rowsForKey = rows.filter((r) => r.idempotencyKey === key).length;
      const calls = provider.callsPerKey.get(key) ?? 0;
      if (rowsForKey > 1 || calls > 1 || calls !== rowsForKey)
        problems.push(`key ${key}: ${rowsForKey} rows, ${calls} provider calls`);
    }
    return problems;
  }

  it(`holds for ${runs} generated cases of 2–16 concurrent attempts`, async () => {
    const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
    console.info(`[property] no over-refund: seed ${seed} (replay with PROPERTY_SEED=${seed})`);
    await fc.assert(
      fc.asyncProperty(attemptsArbitrary, async (attempts) => {
        const problems = await runCase(viaService, attempts);
        expect(problems).toEqual([]);
      }),
      { numRuns: runs, seed },
    );
  }, 600_000);

  it("fails against the naive check-then-insert version (the property can catch the bug)", async () => {
    const result = await fc.check(
      fc.asyncProperty(
        attemptsArbitrary,
        async (attempts) => (await runCase(naiveCheckThenInsert, attempts)).length === 0,
      ),
      { numRuns: 100, seed: 42 },
    );
    expect(result.failed).toBe(true);
  }, 600_000);
});
