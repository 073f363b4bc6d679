import { minorToMajorString } from "@/lib/platform/money/convert";
import { escapeHtml, htmlDocument, htmlResponse, redirectResponse } from "../core/http";
import { getDoc } from "../core/store";
import type { SandboxRequest } from "../core/types";
import { octoPaymentDocs, type SimulatedPayment } from "./documents";
import { decideOnPayPage, type PayPageDecision } from "./payment-transitions";

const page = (title: string, body: string) =>
  htmlDocument(
    title,
    `<main>${body}</main>`,
    "body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto}",
  );

const notFound = () => htmlResponse(404, page("Payment not found", "<h1>Payment not found</h1>"));

/** GET /pay/{uuid}: the public sandbox checkout page with approve/decline buttons for testers. */
export async function showPayPage(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const uuid = params.uuid ?? "";
  const doc = await getDoc<SimulatedPayment>(request.db, octoPaymentDocs, uuid);
  if (!doc) return notFound();
  const payment = doc.data;
  const action = `${request.baseUrl}/pay/${encodeURIComponent(uuid)}`;
  const approveLabel = payment.autoCapture ? "Approve (pay)" : "Approve (hold for capture)";
  const buttons =
    payment.status === "created"
      ? `<form method="post" action="${escapeHtml(`${action}/approve`)}"><button type="submit">${approveLabel}</button></form>
<form method="post" action="${escapeHtml(`${action}/decline`)}"><button type="submit">Decline</button></form>`
      : `<p>This payment is <strong data-status>${escapeHtml(payment.status)}</strong>.</p>`;
  return htmlResponse(
    200,
    page(
      "OCTO sandbox payment",
      `<h1>OCTO sandbox payment</h1>
<p data-amount>${escapeHtml(`${minorToMajorString(BigInt(payment.totalMinor), payment.currency)} ${payment.currency}`)}</p>
<p data-description>${escapeHtml(payment.description)}</p>
<p>Order ${escapeHtml(payment.shopTransactionId)}${payment.test ? " (test payment)" : ""}</p>
${buttons}`,
    ),
  );
}

function decide(decision: PayPageDecision) {
  return async (request: SandboxRequest, params: Record<string, string>): Promise<Response> => {
    const uuid = params.uuid ?? "";
    const result = await request.db.transaction((tx) => decideOnPayPage(tx, uuid, decision, request.now));
    if (!result) return notFound();
    if (!result.changed) {
      const status = escapeHtml(result.payment.status);
      return htmlResponse(
        409,
        page(
          "Payment already decided",
          `<h1>Payment already decided</h1><p>This payment is <strong>${status}</strong>.</p>`,
        ),
      );
    }
    return redirectResponse(result.payment.returnUrl ?? `${request.baseUrl}/pay/${encodeURIComponent(uuid)}`);
  };
}

/** POST /pay/{uuid}/approve and /decline: the tester's answer, then 303 to return_url. */
export const approveOnPayPage = decide("approve");
export const declineOnPayPage = decide("decline");
