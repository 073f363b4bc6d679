import { createCheckoutClient, type CheckoutClient } from "@/lib/integrations/providers/checkout/client";
import { octopusPaymentInput, pressLandingButton } from "@/lib/integrations/providers/checkout/testing/harness";
import type { OctoCurrency } from "@/lib/integrations/providers/octo/amounts";
import { startOctoHarness, type OctoHarness } from "@/lib/integrations/providers/octo/test-harness";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import type { PaymentReaders } from "@/lib/integrations/providers/provider-clients";

/** Test-only: one sandbox server (all providers) with clients for both payment providers. */
export interface PaymentsHarness extends OctoHarness {
  checkout: CheckoutClient;
  readers: PaymentReaders;
  /** A Checkout.com Octopus payment at the sandbox, approved by the customer unless told otherwise. */
  checkoutPayment(options?: { approve?: boolean; amountMinor?: bigint }): Promise<string>;
  /** An OCTO payment at the sandbox (no notify_url), optionally approved on the pay page. */
  octoPayment(options?: {
    approve?: boolean;
    currency?: OctoCurrency;
    totalMinor?: bigint;
  }): Promise<{ shopTransactionId: string; uuid: string }>;
  /** Queues a sandbox fault for the next matching request. */
  fault(provider: "checkout" | "octo", kind: "http_503" | "http_500" | "reset", pathContains?: string): Promise<void>;
}

let counter = 0;

export async function startPaymentsHarness(): Promise<PaymentsHarness> {
  const h = await startOctoHarness();
  const checkout = createCheckoutClient({
    ...sandboxCredentials.checkout,
    baseUrl: `${h.server.url}/api/sandbox/checkout`,
  });
  return {
    ...h,
    checkout,
    readers: { checkout, octo: h.client },
    async checkoutPayment(options = {}) {
      const started = await checkout.requestOctopusPayment(
        octopusPaymentInput(options.amountMinor ?? 12_340n),
        crypto.randomUUID(),
      );
      if (options.approve ?? true) await pressLandingButton(started.landingUrl, "approve");
      return started.paymentId;
    },
    async octoPayment(options = {}) {
      const payment = await h.client.preparePayment({
        shopTransactionId: `import-${Date.now().toString(36)}-${++counter}`,
        autoCapture: true,
        totalMinor: options.totalMinor ?? 1_234_500n,
        currency: options.currency ?? "UZS",
        description: "import test",
      });
      if (options.approve) await fetch(`${payment.payUrl}/approve`, { method: "POST", redirect: "manual" });
      return { shopTransactionId: payment.shopTransactionId, uuid: payment.octoPaymentUuid };
    },
    async fault(provider, kind, pathContains) {
      await h.control("POST", "faults", { provider, kind, count: 1, ...(pathContains && { pathContains }) });
    },
  };
}
