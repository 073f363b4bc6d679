import QRCode from "qrcode";
import { minorToMajorString } from "@/lib/platform/money/convert";
import { escapeHtml, htmlDocument } from "../core/http";
import { octopusUri, statusOf, type SimPayment } from "./model";

const decisions = [
  { path: "approve", label: "Approve in Octopus app", style: "background:#0a7d32;color:#fff" },
  { path: "decline", label: "Decline (Octopus refuses)", style: "background:#b42318;color:#fff" },
  { path: "cancel", label: "Cancel (customer gives up)", style: "background:#555;color:#fff" },
  { path: "expire", label: "Let it expire", style: "background:#ddd;color:#111" },
] as const;

const landingStyle = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}th{text-align:left;padding-right:1rem}
button{width:100%;padding:.75rem;margin:.25rem 0;border:0;border-radius:.5rem;font-size:1rem;cursor:pointer}.qr svg{width:220px;height:220px}`;

function amountText(payment: SimPayment): string {
  try {
    return `${payment.currency} ${minorToMajorString(BigInt(payment.amount), payment.currency)}`;
  } catch {
    return `${payment.amount} (minor units of ${payment.currency})`;
  }
}

/**
 * The simulated Octopus landing page (stands in for web-test.online.octopus.com.hk): the QR code a
 * customer would scan, and buttons a tester presses in place of the Octopus app.
 */
export async function renderLandingPage(payment: SimPayment, actionBasePath: string): Promise<string> {
  const status = statusOf(payment);
  const qrSvg = await QRCode.toString(octopusUri(payment.token), { type: "svg", margin: 1, width: 220 });
  const rows = [
    ["Amount", amountText(payment)],
    ["Reference", payment.reference ?? "(none)"],
    ["Payment", payment.id],
    ["Status", status],
  ]
    .map(([name, value]) => `<tr><th>${escapeHtml(name as string)}</th><td>${escapeHtml(value as string)}</td></tr>`)
    .join("");
  const body =
    payment.lifecycle === "pending"
      ? `<div class="qr" role="img" aria-label="Octopus QR code">${qrSvg}</div>
<p>Scan with the Octopus app, or press a button to simulate what the customer does.</p>
${decisions
  .map(
    (d) =>
      `<form method="post" action="${escapeHtml(`${actionBasePath}/${d.path}`)}"><button type="submit" style="${d.style}">${escapeHtml(d.label)}</button></form>`,
  )
  .join("\n")}`
      : `<p class="final">This payment is <strong>${escapeHtml(status)}</strong>; nothing more can be done here.</p>`;
  return htmlDocument(
    "Octopus payment (sandbox)",
    `<main>
<h1>Octopus payment <small>(sandbox)</small></h1>
<table>${rows}</table>
${body}
</main>`,
    landingStyle,
  );
}
