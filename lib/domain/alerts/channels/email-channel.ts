import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import { messageKey, messageTitle, type OutgoingMessage } from "./alert-message";

export interface EmailChannel {
  /** Sends one message; resolves with the server's reply, throws when it refused or could not be reached. */
  send(to: string, message: OutgoingMessage): Promise<string>;
}

export interface EmailSettings {
  /** smtp:// or smtps:// with any credentials in it; never logged or shown. */
  smtpUrl: string;
  from: string;
  /** Where "change your alert email" links point. */
  accountUrl: string;
}

/** Short waits: a lease is 60 s, and a stuck server must fail the attempt well before it lapses. */
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

function plainText(message: OutgoingMessage, accountUrl: string): string {
  const alerts = message.alerts.map((alert) => `${alert.title}\n${alert.body}\nOpen it: ${alert.url}`);
  return [
    ...alerts,
    `You get this because alert email is on for you. Turn it off on your account page: ${accountUrl}`,
  ].join("\n\n");
}

export function emailChannel(settings: EmailSettings): EmailChannel {
  let transport: Transporter | undefined;
  return {
    async send(to, message) {
      transport ??= nodemailer.createTransport(settings.smtpUrl, timeouts);
      const domain = /@([^>\s]+)/.exec(settings.from)?.[1] ?? "payments-ops.invalid";
      const info = await transport.sendMail({
        from: settings.from,
        to,
        subject: messageTitle(message),
        text: plainText(message, settings.accountUrl),
        messageId: `<${messageKey(message)}@${domain}>`,
        headers: { "X-Alert-Rule": [...new Set(message.alerts.map((alert) => alert.rule))].join(", ") },
      });
      return info.response;
    },
  };
}
