import { expect } from "vitest";
import { POST as paymentProviderPost } from "@/app/api/webhooks/[provider]/route";
import { POST as octopusCardsPost } from "@/app/api/webhooks/octopus-cards/route";
import { setAppDatabaseForTests } from "@/lib/platform/db/client";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { checkoutEvent, checkoutHeaders, webhookRequest, type WebhookProvider } from "./webhook-requests";

/**
 * The webhook route handlers' own POST exports (the code path Next.js serves). Test files that
 * import this must `vi.mock("server-only", () => ({}))`: the marker has nothing to test.
 */
export const webhookPost: Record<WebhookProvider, (request: Request) => Promise<Response>> = {
  checkout: (request) => paymentProviderPost(request, { params: Promise.resolve({ provider: "checkout" }) }),
  octo: (request) => paymentProviderPost(request, { params: Promise.resolve({ provider: "octo" }) }),
  "octopus-cards": octopusCardsPost,
};

/**
 * A test database the route handlers use as the app's database, holding one real payment
 * (applied through the Checkout.com route), so "nothing changed" is checked against rows.
 */
export async function webhookRouteDatabase(): Promise<TestDatabase> {
  const t = await createTestDatabase();
  setAppDatabaseForTests(t);
  const pending = checkoutEvent("payment_pending");
  expect((await webhookPost.checkout(webhookRequest("checkout", pending, checkoutHeaders(pending)))).status).toBe(200);
  return t;
}
