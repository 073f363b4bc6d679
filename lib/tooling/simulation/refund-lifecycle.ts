import { eq } from "drizzle-orm";
import { refunds } from "@/drizzle/schema/refunds";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { minorToMajorString } from "@/lib/platform/money/convert";
import { issueRefund } from "@/lib/domain/refunds/issue-refund";
import { issueRefundInput } from "@/lib/domain/refunds/refund-input";
import { captureNewPayment } from "@/lib/domain/refunds/testing/refunds-harness";
import { maybeCrash, runAttempts } from "./attempts";
import type { Prng } from "./prng";
import { withSetupRetries } from "./setup-retry";
import { moneyCalls, pickFaults } from "./random-faults";
import { settle } from "./settle";
import type { LifecycleTrace } from "./trace";
import type { SimWorld } from "./world";

interface RefundAttempt {
  kind: "full" | "partial";
  amountMinor: bigint;
  key: string;
}

/** A refund amount: mostly fine, sometimes a sandbox decline trigger (Checkout.com), sometimes too much. */
function pickAmountMinor(prng: Prng, method: "checkout_api" | "octo", capturedMinor: bigint): bigint {
  const roll = prng.next();
  if (roll < 0.12) return capturedMinor + BigInt(prng.int(1, 50) * 100);
  if (method === "octo") return BigInt(prng.int(13, 60)) * 100_000n;
  if (roll < 0.22) return BigInt(prng.int(1, 40) * 100 + prng.pick([10, 52, 53]));
  if (roll < 0.24) return BigInt(prng.int(1, 40) * 100 + 51);
  return BigInt(prng.int(1, Math.max(1, Number(capturedMinor / 200n))) * 100);
}

function pickAttempts(prng: Prng, method: "checkout_api" | "octo", capturedMinor: bigint): RefundAttempt[] {
  const count = prng.int(1, 6);
  const attempts: RefundAttempt[] = [];
  for (let i = 0; i < count; i += 1) {
    const earlier = attempts.length ? prng.pick(attempts) : null;
    // A duplicate click resends the same dialog: same key, same values.
    if (earlier && prng.chance(0.3)) attempts.push({ ...earlier });
    else
      attempts.push({
        kind: prng.chance(0.15) ? "full" : "partial",
        amountMinor: pickAmountMinor(prng, method, capturedMinor),
        key: prng.uuid(),
      });
  }
  return attempts;
}

/**
 * One refund lifecycle: a captured payment (Checkout.com HKD or OCTO UZS), 1–6 refund attempts
 * (partial, full, over-refunds, duplicate clicks), random provider faults, maybe a crash between
 * reserve and settle, then reconciliation until quiescent.
 */
export async function runRefundLifecycle(
  world: SimWorld,
  finance: AuditActor,
  prng: Prng,
  options: { concurrent: boolean },
): Promise<LifecycleTrace> {
  const started = performance.now();
  const method = prng.pick(["checkout_api", "octo"] as const);
  const amount = method === "octo" ? `${prng.int(20, 200) * 10_000}.00` : `${prng.int(2, 50) * 10}.00`;
  const payment = await withSetupRetries(() => captureNewPayment(world.app().refundDeps, finance, method, amount));
  const attempts = pickAttempts(prng, method, payment.capturedMinor);
  const faults = pickFaults(
    prng,
    method === "octo" ? moneyCalls.octoRefund : moneyCalls.checkoutRefund,
    method === "octo" ? "octo" : "checkout",
  );
  const crash = maybeCrash(prng, 0.3);
  const concurrent = options.concurrent && prng.chance(0.5);
  for (const fault of faults) await world.fault(fault);
  const app = crash
    ? world.restart({
        wrap: (p) => ({
          ...p,
          refundDeps: {
            ...p.refundDeps,
            clients: {
              checkout: crash.wrap(p.refundDeps.clients.checkout, ["refundPayment"]),
              octo: crash.wrap(p.refundDeps.clients.octo, ["refund"]),
            },
          },
        }),
      })
    : world.app();

  const setupDone = performance.now();
  const { outcomes, unexpected } = await runAttempts(
    attempts.map((a) => async () => {
      const input = issueRefundInput.parse({
        paymentId: payment.id,
        kind: a.kind,
        ...(a.kind === "partial" && { amount: minorToMajorString(a.amountMinor, payment.currency) }),
        reason: "customer_request",
        idempotencyKey: a.key,
      });
      const outcome = await issueRefund(app.refundDeps, finance, input);
      return `${outcome.kind}:${outcome.refund.status}`;
    }),
    { concurrent, crash },
  );
  if (crash) world.restart();
  const attemptsDone = performance.now();
  const refundIds = (
    await world.db.select({ id: refunds.id }).from(refunds).where(eq(refunds.paymentId, payment.id))
  ).map((r) => r.id);
  const settled = await settle(world, { refundIds, orderIds: [] });
  return {
    kind: "refund",
    summary: `${method} ${amount} ${payment.currency}; attempts ${attempts.map((a) => `${a.kind}:${a.amountMinor}`).join(",")}${concurrent ? " (concurrent)" : ""}; faults ${faults.map((f) => f.kind).join(",") || "none"}; crash ${crash?.point ?? "none"}`,
    outcomes,
    unexpected,
    checkErrors: settled.checkErrors,
    settleCycles: settled.cycles,
    timingsMs: {
      setup: setupDone - started,
      attempts: attemptsDone - setupDone,
      settle: performance.now() - attemptsDone,
    },
    paymentIds: [payment.id],
    refundIds,
    orderIds: [],
    keys: [...new Set(attempts.map((a) => a.key))],
  };
}
