import { bootstrapUsers } from "@/lib/domain/auth/bootstrap-users";
import { configuredDatabaseTarget, getDatabaseHandle } from "@/lib/platform/db/client";
import { migrateDatabase } from "@/lib/platform/db/migrate";
import { appUrl, env, isSandbox } from "@/lib/platform/env";
import { appOrderDeps } from "@/lib/domain/orders/app-order-deps";
import { startOrderReconciler } from "@/lib/domain/orders/reconcile/reconcile-due-orders";
import { startAlerts } from "@/lib/domain/alerts/start-alerts";
import { startAlertRuleEvaluation } from "@/lib/domain/alerts/rules/evaluate-alert-rules";
import { appRefundDeps } from "@/lib/domain/refunds/app-refund-deps";
import { startRefundReconciler } from "@/lib/domain/refunds/reconcile/refund-reconciler-loop";
import { mountSandboxClock } from "@/lib/domain/refunds/provider-clock";
import {
  migrateSandbox,
  sandboxNow,
  startMailSink,
  startSandboxTicker,
  tickSandbox,
} from "@/lib/integrations/sandbox/mount";
import { configuredAlertEmail } from "@/lib/domain/alerts/channels/configured-email";
import type { Database } from "@/lib/platform/db/types";
import { seedSandboxOnStartup } from "@/lib/tooling/dev-seed/seed-on-startup";
import { listeningAddresses, serverReach } from "@/lib/platform/server/reach";
import { demoUserAccess, startupLine } from "@/lib/platform/server/startup-line";
import { strictTransportSecurity } from "@/lib/platform/security/strict-transport-security";
import { applyDemoUserAccess } from "@/lib/domain/users/demo-user-access";
import { log } from "@/lib/platform/log/logger";

const processGlobal = globalThis as typeof globalThis & { __paymentsOpsReady?: Promise<void> };

async function prepare(): Promise<void> {
  const target = configuredDatabaseTarget();
  const handle = getDatabaseHandle();
  await migrateDatabase(handle, target);
  // The simulators keep their state in their own schema, migrated by their own chain after ours.
  if (isSandbox) {
    await migrateSandbox(handle, target);
    mountSandboxClock(sandboxNow);
  }
  const outcome = await bootstrapUsers(handle.db, {
    mode: env.PROVIDER_MODE,
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
  });
  const where = target.kind === "pglite" ? `PGlite at ${target.dataDir}` : "the Postgres server in DATABASE_URL";
  log.info(`startup: database ready (${where}); users: ${outcome}; providers: ${env.PROVIDER_MODE}`);
  // The server is listening by now (instrumentation runs after listen in next start and next dev).
  const reach = serverReach(listeningAddresses(), appUrl);
  if (isSandbox) {
    const demoUsers = demoUserAccess(reach, env.SANDBOX_DEMO_USERS === "1");
    await applyDemoUserAccess(handle.db, { allowed: demoUsers.allowed, reason: demoUsers.because });
    const line = startupLine({
      mode: "sandbox",
      reach,
      controlToken: env.SANDBOX_CONTROL_TOKEN !== undefined,
      demoUsers,
    });
    log[reach.kind === "localhost-only" ? "info" : "warn"](`startup: ${line}`);
  } else {
    log.info(
      `startup: ${startupLine({ mode: "live", reach, appUrl, hsts: strictTransportSecurity({ mode: "live", appUrl }) !== null })}`,
    );
  }
  if (isSandbox) {
    // Time-based sandbox outcomes and webhook retries; safe on several instances (SKIP LOCKED).
    startSandboxTicker(() => tickSandbox(handle.db, { appUrl }));
    void seedSandboxOnStartup(env.SANDBOX_SEED_PAYMENTS);
  }
  // Both modes: every refund not decided yet is checked with its provider on a back-off schedule;
  // one pass at a time per process, safe on several instances (SKIP LOCKED leases).
  startRefundReconciler(appRefundDeps);
  // Orders placing/unknown/pending are looked up by client_reference or polled on the provider's schedule.
  startOrderReconciler(appOrderDeps);
  if (isSandbox && configuredAlertEmail()?.builtInSink) await startBuiltInMailSink(handle.db);
  await startAlerts(handle.db);
  // Time- and threshold-based alert rules, every minute; safe on several instances (dedupe keys).
  startAlertRuleEvaluation(() => handle.db);
  if (outcome === "no-users") {
    log.warn("startup: no users exist: set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npm run user:create`.");
  }
}

/** Sandbox mode: a real SMTP server on 127.0.0.1 catches alert email, shown on the Sandbox page. */
async function startBuiltInMailSink(db: Database): Promise<void> {
  try {
    const sink = await startMailSink(() => db, env.SANDBOX_SMTP_PORT);
    log.info(`startup: sandbox mail sink listening on 127.0.0.1:${sink.port}`);
  } catch (error) {
    // Another instance on this machine already runs it; its messages land in the same database.
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE")
      log.info(`startup: sandbox mail sink already listening on port ${env.SANDBOX_SMTP_PORT}`);
    else log.warn({ err: error }, "startup: the sandbox mail sink could not start; alert email will be retried");
  }
}

/** Migrates and bootstraps once per process, however many times it is called. */
export function prepareApp(): Promise<void> {
  processGlobal.__paymentsOpsReady ??= prepare();
  return processGlobal.__paymentsOpsReady;
}
