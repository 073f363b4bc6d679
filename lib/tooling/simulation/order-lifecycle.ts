import { inArray } from "drizzle-orm";
import { orders, walletBalances } from "@/drizzle/schema/orders";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { placeOrder, type PlaceOrderInput } from "@/lib/domain/orders/place-order";
import { quoteOrder, type OrderSelection } from "@/lib/domain/orders/quote-order";
import { hkd, usd } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { failureCodes } from "@/lib/integrations/sandbox/testing";
import { eq } from "drizzle-orm";
import { maybeCrash, runAttempts } from "./attempts";
import type { Prng } from "./prng";
import { withSetupRetries } from "./setup-retry";
import { moneyCalls, pickFaults } from "./random-faults";
import { settle } from "./settle";
import type { LifecycleTrace } from "./trace";
import type { SimWorld } from "./world";

type Selection = OrderSelection & Pick<PlaceOrderInput, "productName" | "inputData">;

function pickSelection(prng: Prng): Selection {
  switch (prng.pick(["voucher", "voucher", "topup", "esim"] as const)) {
    case "voucher":
      return {
        vertical: "voucher",
        productId: 123,
        productName: "Steam Wallet Card",
        quantity: prng.int(1, 2),
        faceValue: usd("10"),
        walletId: prng.pick([1, 2]),
      };
    case "topup":
      return {
        vertical: "topup",
        productId: 5101,
        productName: "CSL Hong Kong",
        variantId: 71,
        quantity: 1,
        faceValue: hkd("100"),
        walletId: 2,
        inputData: { phone_number: "+85251234567" },
      };
    case "esim":
      return {
        vertical: "esim",
        productId: 712,
        productName: "Japan eSIM",
        quantity: 1,
        faceValue: usd("4.5"),
        walletId: 1,
      };
  }
}

/** A client_reference, sometimes with one of the simulator's outcome triggers. */
function pickReference(prng: Prng, selection: Selection): string {
  const triggers = ["", "", "", `SIM_FAIL_${prng.pick(Object.keys(failureCodes))}-`, "SIM_PENDING-", "SIM_SLOW-"];
  if (selection.vertical === "voucher")
    triggers.push("SIM_CANCEL-", ...(selection.quantity > 1 ? ["SIM_PARTIAL-"] : []));
  return `${prng.pick(triggers)}SIM-${prng.uuid()}`;
}

/**
 * One order lifecycle: 1–4 confirms (vouchers, topups, eSIMs, with sandbox outcome triggers,
 * duplicate clicks reusing a client_reference, a charge larger than the wallet holds), random
 * provider faults, maybe a crash between debit and the provider's answer, then reconciliation.
 */
export async function runOrderLifecycle(
  world: SimWorld,
  merchant: AuditActor,
  prng: Prng,
  options: { concurrent: boolean },
): Promise<LifecycleTrace> {
  const started = performance.now();
  const count = prng.int(1, 4);
  const inputs: PlaceOrderInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const earlier = inputs.length ? prng.pick(inputs) : null;
    if (earlier && prng.chance(0.3)) {
      inputs.push(earlier);
      continue;
    }
    const selection = pickSelection(prng);
    const quote = await withSetupRetries(() => quoteOrder(world.app().orderDeps.client, selection));
    let quotedCharge = quote.totalPayable;
    if (prng.chance(0.1)) {
      const [wallet] = await world.db
        .select()
        .from(walletBalances)
        .where(eq(walletBalances.walletId, selection.walletId));
      quotedCharge = { ...quotedCharge, minor: (wallet?.balanceMinor ?? 0n) + 1n };
    }
    inputs.push({ ...selection, clientReference: pickReference(prng, selection), quotedCharge });
  }
  const faults = pickFaults(prng, moneyCalls.cardsOrder, "octopus-cards");
  const crash = maybeCrash(prng, 0.3);
  const concurrent = options.concurrent && prng.chance(0.5);
  for (const fault of faults) await world.fault(fault);
  const app = crash
    ? world.restart({
        wrap: (p) => ({
          ...p,
          orderDeps: {
            ...p.orderDeps,
            client: crash.wrap(p.orderDeps.client, ["createVoucherOrder", "createTopupOrder", "createEsimOrder"]),
          },
        }),
      })
    : world.app();

  const setupDone = performance.now();
  const { outcomes, unexpected } = await runAttempts(
    inputs.map((input) => async () => {
      const placed = await placeOrder(app.orderDeps, merchant, input);
      return `${placed.kind}:${placed.order.status}`;
    }),
    { concurrent, crash },
  );
  if (crash) world.restart();
  const attemptsDone = performance.now();
  const references = [...new Set(inputs.map((i) => i.clientReference))];
  const orderIds = (
    await world.db.select({ id: orders.id }).from(orders).where(inArray(orders.clientReference, references))
  ).map((o) => o.id);
  const settled = await settle(world, { refundIds: [], orderIds });
  return {
    kind: "order",
    summary: `orders ${inputs.map((i) => `${i.vertical}:${i.clientReference.split("SIM-")[0] || "plain"}:${i.quotedCharge.minor}${i.quotedCharge.currency}`).join(",")}${concurrent ? " (concurrent)" : ""}; faults ${faults.map((f) => f.kind).join(",") || "none"}; crash ${crash?.point ?? "none"}`,
    outcomes,
    unexpected,
    checkErrors: settled.checkErrors,
    settleCycles: settled.cycles,
    timingsMs: {
      setup: setupDone - started,
      attempts: attemptsDone - setupDone,
      settle: performance.now() - attemptsDone,
    },
    paymentIds: [],
    refundIds: [],
    orderIds,
    keys: references,
  };
}
