import { messageKey, messageTitle, type OutgoingMessage } from "./alert-message";
import { alertDeliveryHeader, alertSignatureHeader, signAlertWebhook } from "./webhook-signature";

/**
 * Slack-compatible: `text` and `blocks` are what an incoming webhook shows; `alerts` carries the
 * same facts for a receiver that routes them (paging, a ticket).
 */
export function alertWebhookBody(message: OutgoingMessage): string {
  return JSON.stringify({
    text: messageTitle(message),
    blocks: message.alerts.map((alert) => ({
      type: "section",
      text: { type: "mrkdwn", text: `*${alert.title}*\n${alert.body}\n<${alert.url}|Open in Payments Ops>` },
    })),
    alerts: message.alerts.map((alert) => ({
      id: alert.outboxId,
      rule: alert.rule,
      title: alert.title,
      body: alert.body,
      url: alert.url,
      raised_at: alert.raisedAt.toISOString(),
    })),
  });
}

const timeoutMs = 15_000;

/** Posts the signed alert; resolves with "HTTP <status>" on a 2xx, throws with the status or the network failure otherwise. */
export async function sendAlertWebhook(
  url: string,
  secret: string,
  message: OutgoingMessage,
  now: Date,
): Promise<string> {
  const body = alertWebhookBody(message);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [alertSignatureHeader]: signAlertWebhook(secret, body, now),
      [alertDeliveryHeader]: messageKey(message),
    },
    body,
    redirect: "error",
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`the receiver answered HTTP ${response.status}`);
  return `HTTP ${response.status}`;
}
