import { htmlDocument, htmlResponse, redirectResponse } from "../../core/http";
import { findDocByLookup } from "../../core/store";
import type { SandboxRequest } from "../../core/types";
import { renderLandingPage } from "../landing-html";
import { paymentsDoc, type SimPayment } from "../model";
import { applyCustomerDecision, type CustomerDecision } from "../payment-lifecycle";

const customerDecisions: readonly CustomerDecision[] = ["approve", "decline", "cancel", "expire"];

const notFoundPage = () =>
  htmlResponse(404, htmlDocument("Not found", "<main><h1>This Octopus payment link is not valid.</h1></main>"));

function landingPath(request: SandboxRequest, token: string): string {
  return `${new URL(request.baseUrl).pathname}/octopus/landing/${encodeURIComponent(token)}`;
}

async function paymentByToken(request: SandboxRequest, token: string): Promise<SimPayment | null> {
  return (await findDocByLookup<SimPayment>(request.db, paymentsDoc, token))?.data ?? null;
}

/** GET /octopus/landing/{token}: public, like the real landing page. */
export async function showLandingPage(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const payment = await paymentByToken(request, params.token ?? "");
  if (!payment) return notFoundPage();
  return htmlResponse(200, await renderLandingPage(payment, landingPath(request, payment.token)));
}

/**
 * POST /octopus/landing/{token}/{approve|decline|cancel|expire}: moves a Pending payment, then sends
 * the customer back to success_url (paid) or failure_url (anything else). A payment past its
 * expiry that the ticker has not expired yet expires instead of being approved.
 */
export async function decideOnLandingPage(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const decision = customerDecisions.find((d) => d === params.decision);
  const found = await paymentByToken(request, params.token ?? "");
  if (!decision || !found) return notFoundPage();
  const effective: CustomerDecision = request.now >= new Date(found.expiresOn) ? "expire" : decision;
  const payment = await request.db.transaction((tx) =>
    applyCustomerDecision(tx, found.id, effective, { now: request.now, appUrl: request.appUrl }),
  );
  if (!payment) return notFoundPage();
  return redirectResponse(payment.lifecycle === "captured" ? payment.successUrl : payment.failureUrl);
}
