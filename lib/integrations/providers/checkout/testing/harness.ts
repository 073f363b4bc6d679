import { createCheckoutClient } from "@/lib/integrations/providers/checkout/client";
import type { CheckoutConfig } from "@/lib/integrations/providers/config";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { type FaultSpec, startSandboxServer } from "@/lib/integrations/sandbox/testing";
import { createTestDatabase } from "@/lib/tooling/testing/test-database";
import { startWebhookReceiver } from "./webhook-receiver";

/**
 * One fresh database, the sandbox on a real HTTP server, a local webhook receiver (as the
 * dashboard's appUrl) and our client pointed at the simulator, for contract tests.
 */
export async function startCheckoutHarness(options: { timeoutMs?: number } = {}) {
  const database = await createTestDatabase();
  const receiver = await startWebhookReceiver();
  const server = await startSandboxServer({ db: database.db, appUrl: receiver.url });
  const config: CheckoutConfig = { ...sandboxCredentials.checkout, baseUrl: `${server.url}/api/sandbox/checkout` };
  const client = createCheckoutClient(config, options);

  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/sandbox-control/${path}`, {
      method,
      headers:
        body === undefined ? server.controlHeaders : { ...server.controlHeaders, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`sandbox control ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as unknown;
  };

  return {
    db: database.db,
    config,
    client,
    receiver,
    /** A raw API call with the sandbox key (for wire-level checks the SDK hides). */
    api: (path: string, init: RequestInit = {}) =>
      fetch(`${config.baseUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${config.secretKey}`, "content-type": "application/json", ...init.headers },
      }),
    /** Any sandbox-control call (with this server's control token), e.g. a fault for another provider. */
    control,
    advance: (by: { days?: number; hours?: number; minutes?: number; seconds?: number }) =>
      control("POST", "clock/advance", by),
    tick: () => control("POST", "tick"),
    fault: (spec: Omit<FaultSpec, "provider">) => control("POST", "faults", { provider: "checkout", ...spec }),
    deliveries: () =>
      control("GET", "webhooks?provider=checkout") as Promise<
        Array<{
          eventType: string;
          attempts: number;
          deliveredAt: string | null;
          lastStatus: number | null;
          body: string;
        }>
      >,
    async close() {
      await server.close();
      await receiver.close();
      await database.dispose();
    },
  };
}

export type CheckoutHarness = Awaited<ReturnType<typeof startCheckoutHarness>>;

let orderCounter = 0;

/** A valid Octopus payment request for tests. */
export function octopusPaymentInput(amountMinor = 10_000n) {
  orderCounter += 1;
  return {
    amountMinor,
    currency: "HKD" as const,
    reference: `ORD-${Date.now().toString(36)}-${orderCounter}`,
    successUrl: "https://merchant.example/pay/success",
    failureUrl: "https://merchant.example/pay/failure",
  };
}

/** Presses a button on the simulated Octopus landing page; returns the 303's status and Location. */
export async function pressLandingButton(landingUrl: string, decision: "approve" | "decline" | "cancel" | "expire") {
  const response = await fetch(`${landingUrl}/${decision}`, { method: "POST", redirect: "manual" });
  return { status: response.status, location: response.headers.get("location") };
}

/** A captured payment of `amountMinor`, ready to refund. */
export async function capturedPayment(harness: CheckoutHarness, amountMinor = 10_000n) {
  const started = await harness.client.requestOctopusPayment(octopusPaymentInput(amountMinor), crypto.randomUUID());
  await pressLandingButton(started.landingUrl, "approve");
  return started;
}
