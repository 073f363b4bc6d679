import { eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { applyProviderStatus } from "@/lib/domain/payments/apply-provider-status";
import { requestPayment } from "@/lib/domain/payments/request/request-payment";
import { requestPaymentInput, type RequestMethod } from "@/lib/domain/payments/request/request-payment-input";
import { startCheckoutHarness, type CheckoutHarness } from "@/lib/integrations/providers/checkout/testing/harness";
import { createOctoClient } from "@/lib/integrations/providers/octo/client";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { customerDecides, providerFacts } from "@/lib/tooling/dev-seed/customer-journey";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import type { RefundDeps } from "../send-refund";
import { providerClock } from "../provider-clock";

/** Test-only: the sandbox on HTTP, both clients, refund deps, and captured payments in our ledger. */
export interface RefundsHarness extends CheckoutHarness {
  deps: RefundDeps;
  finance: AuditActor;
  secondFinance: AuditActor;
  /** A payment requested through our flow, paid on the provider's page and captured in the ledger. */
  capturedPayment(method: RequestMethod, amount: string, currency?: string): Promise<typeof payments.$inferSelect>;
}

export async function startRefundsHarness(options: { timeoutMs?: number } = {}): Promise<RefundsHarness> {
  const h = await startCheckoutHarness(options);
  const octo = createOctoClient(
    { ...sandboxCredentials.octo, baseUrl: h.config.baseUrl.replace(/\/checkout$/, "/octo") },
    { timeoutMs: options.timeoutMs ?? 10_000 },
  );
  const clients = { checkout: h.client, octo };
  const deps: RefundDeps = {
    db: h.db,
    clients,
    sandboxTriggers: true,
    now: () => new Date(),
    providerNow: providerClock(h.db, true),
  };
  const finance = actorOf(await makeUser(h.db, "finance"));
  const secondFinance = actorOf(await makeUser(h.db, "finance"));
  return {
    ...h,
    deps,
    finance,
    secondFinance,
    capturedPayment: (method, amount, currency) => captureNewPayment(deps, finance, method, amount, currency),
  };
}

const paymentUrls = {
  customerReturnUrl: "https://merchant.example/paid",
  octoNotifyUrl: "https://merchant.example/notify",
  octoTest: true,
};

/** A payment requested through our flow, paid on the provider's page and captured in the ledger. */
export async function captureNewPayment(
  deps: Pick<RefundDeps, "db" | "clients">,
  finance: AuditActor,
  method: RequestMethod,
  amount: string,
  currency = method === "octo" ? "UZS" : "HKD",
): Promise<typeof payments.$inferSelect> {
  const { db, clients } = deps;
  const input = requestPaymentInput.parse({ method, currency, amount, idempotencyKey: crypto.randomUUID() });
  const outcome = await requestPayment({ db, clients, urls: paymentUrls }, finance, input);
  const [requested] = await db.select().from(payments).where(eq(payments.id, outcome.paymentId));
  if (!requested || outcome.kind !== "accepted")
    throw new Error(`payment request not accepted: ${JSON.stringify(outcome)}`);
  await customerDecides(requested, "approve");
  const facts = await providerFacts({ clients }, requested);
  if (!facts) throw new Error("the provider does not know the payment");
  await db.transaction((tx) => applyProviderStatus(tx, facts, { source: "provider_poll", at: new Date() }));
  const [captured] = await db.select().from(payments).where(eq(payments.id, outcome.paymentId));
  if (captured?.status !== "captured") throw new Error(`payment is ${captured?.status}, not captured`);
  return captured;
}
