import { appUrl, env, isSandbox } from "@/lib/platform/env";
import type { EmailSettings } from "./email-channel";

/**
 * Where alert email goes: ALERT_SMTP_URL; in sandbox mode without it, the built-in mail sink;
 * in live mode without it, nowhere (people still get in-app notifications and team webhooks).
 */
export function configuredAlertEmail(): (EmailSettings & { builtInSink: boolean }) | null {
  const smtpUrl = env.ALERT_SMTP_URL ?? (isSandbox ? `smtp://127.0.0.1:${env.SANDBOX_SMTP_PORT}` : undefined);
  if (!smtpUrl) return null;
  return {
    smtpUrl,
    from: env.ALERT_EMAIL_FROM,
    accountUrl: new URL("/account", appUrl).toString(),
    builtInSink: env.ALERT_SMTP_URL === undefined,
  };
}
