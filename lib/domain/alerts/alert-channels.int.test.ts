import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertChannelPreferences, alertDeliveries, alertDeliveryAttempts } from "@/drizzle/schema/alert-channels";
import { alertRuleSettings, alertRuleTeams } from "@/drizzle/schema/alert-rules";
import { alertOutbox, notifications } from "@/drizzle/schema/alerts";
import { openDatabase, type DatabaseHandle } from "@/lib/platform/db/connect";
import { transitionRefund } from "@/lib/domain/refunds/transition-refund";
import type { RefundStatus } from "@/lib/domain/refunds/refund-status";
import { insertPendingRefund } from "@/lib/domain/refunds/testing/pending-refund";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import type { UserSummary } from "@/lib/domain/users/manage-users";
import { emailChannel } from "./channels/email-channel";
import { alertDeliveryHeader, alertSignatureHeader, verifyAlertWebhook } from "./channels/webhook-signature";
import { deliverDueAlerts } from "./deliver-due-alerts";
import { maxDeliveryAttempts, sendDueAlertDeliveries, type AlertSenders } from "./send-due-alert-deliveries";
import { startSmtpReceiver, startWebhookReceiver } from "./testing/alert-receivers";
import { addWebhookEndpoint, removeWebhookEndpoint } from "./webhook-endpoints";

const appUrl = "http://dashboard.example.test";

describe(`alert channels: in-app, email and signed webhooks, each exactly once [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  /** A second app instance: its own connection pool on the Postgres server; on PGlite the one handle. */
  let other: DatabaseHandle;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let senders: AlertSenders;
  let readers: { admin: UserSummary; finance: UserSummary; ops: UserSummary };
  let endpoint: { id: string; signingSecret: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    other = t.target.kind === "postgres" ? openDatabase(t.target) : t;
    [smtp, hooks] = await Promise.all([startSmtpReceiver(), startWebhookReceiver()]);
    senders = {
      email: emailChannel({
        smtpUrl: smtp.url,
        from: "Payments Ops <alerts@example.test>",
        accountUrl: `${appUrl}/account`,
      }),
      appUrl,
    };
    const [admin, finance, ops] = await Promise.all(
      (["admin", "finance", "ops"] as const).map((role) => makeUser(t.db, role)),
    );
    await makeUser(t.db, "merchant");
    readers = { admin: admin!, finance: finance!, ops: ops! };
    endpoint = await addWebhookEndpoint(t.db, { team: "ops", label: "Ops chat", url: hooks.url, createdBy: null });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([smtp?.close(), hooks?.close()]);
    if (other && other !== t) await other.close();
    await t?.dispose();
  });

  const move = (refundId: string, to: RefundStatus) => {
    const at = new Date();
    return t.db.transaction((tx) =>
      transitionRefund(tx, refundId, to, { providerDecidedAt: at }, { source: "provider_poll", kind: "test", at }),
    );
  };
  const expiredRefund = async (amountMinor: bigint) => {
    const made = await insertPendingRefund(t.db, amountMinor);
    await move(made.refundId, "approved");
    await move(made.refundId, "expired");
    return made;
  };
  /** Both instances fan out, then both send, at the same moment. */
  const bothInstancesRun = async (now: Date) => {
    await Promise.all([
      deliverDueAlerts(t.db, { now, channels: { email: true } }),
      deliverDueAlerts(other.db, { now, channels: { email: true } }),
    ]);
    return Promise.all([
      sendDueAlertDeliveries(t.db, senders, { now }),
      sendDueAlertDeliveries(other.db, senders, { now }),
    ]);
  };
  const emailsAbout = (amount: string) => smtp.received.filter((email) => email.subject.includes(amount));
  const webhooksAbout = (amount: string) => hooks.received.filter((hook) => hook.body.includes(amount));
  const deliveriesOf = async (refundId: string) => {
    const [alert] = await t.db.select().from(alertOutbox).where(eq(alertOutbox.subjectId, refundId));
    return t.db.select().from(alertDeliveries).where(eq(alertDeliveries.outboxId, alert!.id));
  };

  it("an expired refund reaches each reader once in the app, once by email and the ops team's webhook once, signed", async () => {
    const { paymentId, refundId } = await expiredRefund(12_345n);
    const now = new Date(Date.now() + 1_000);
    const runs = await bothInstancesRun(now);
    expect(runs.flatMap((run) => run.failed)).toEqual([]);

    const [alert] = await t.db.select().from(alertOutbox).where(eq(alertOutbox.subjectId, refundId));
    const told = await t.db.select().from(notifications).where(eq(notifications.outboxId, alert!.id));
    expect(told.map((n) => n.userId).sort()).toEqual(
      Object.values(readers)
        .map((u) => u.id)
        .sort(),
    );

    const emails = emailsAbout("HK$123.45");
    expect(emails.map((email) => email.to).sort()).toEqual(
      Object.values(readers)
        .map((u) => [u.email])
        .sort(),
    );
    expect(new Set(emails.map((email) => email.messageId)).size).toBe(3);
    expect(emails[0]!.subject).toBe("A refund of HK$123.45 expired at Checkout.com: the customer did not collect it.");
    expect(emails[0]!.text).toContain(`Open it: ${appUrl}/payments/${paymentId}#refund-${refundId}`);
    expect(emails[0]!.text).toContain(`Turn it off on your account page: ${appUrl}/account`);

    const [hook, ...moreHooks] = webhooksAbout("HK$123.45");
    expect(moreHooks).toEqual([]);
    const signature = hook!.headers[alertSignatureHeader] as string;
    expect(verifyAlertWebhook(endpoint.signingSecret, hook!.body, signature, new Date())).toBe(true);
    expect(verifyAlertWebhook("whsec_someone-else", hook!.body, signature, new Date())).toBe(false);
    expect(verifyAlertWebhook(endpoint.signingSecret, `${hook!.body} `, signature, new Date())).toBe(false);
    expect(hook!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(hook!.body)).toMatchObject({
      text: emails[0]!.subject,
      blocks: [{ type: "section", text: { type: "mrkdwn" } }],
      alerts: [{ rule: "refund_expired", url: `${appUrl}/payments/${paymentId}#refund-${refundId}` }],
    });

    const deliveries = await deliveriesOf(refundId);
    expect(deliveries).toHaveLength(4);
    for (const delivery of deliveries)
      expect(delivery).toMatchObject({ attempts: 1, lastError: null, leaseUntil: null });
    const attempts = await t.db
      .select()
      .from(alertDeliveryAttempts)
      .where(
        inArray(
          alertDeliveryAttempts.deliveryId,
          deliveries.map((d) => d.id),
        ),
      );
    expect(attempts.map((a) => a.outcome)).toEqual(["sent", "sent", "sent", "sent"]);
    expect(attempts.find((a) => a.detail.startsWith("HTTP"))?.detail).toBe("HTTP 200");

    await bothInstancesRun(new Date(now.getTime() + 3_600_000));
    expect(emailsAbout("HK$123.45")).toHaveLength(3);
    expect(webhooksAbout("HK$123.45")).toHaveLength(1);
  });

  it("retries a refused webhook with the same delivery key after the back-off, and records every attempt", async () => {
    const { refundId } = await expiredRefund(23_456n);
    hooks.answerNext(500);
    const now = new Date(Date.now() + 2_000);
    await bothInstancesRun(now);
    const webhook = (await deliveriesOf(refundId)).find((d) => d.channel === "webhook")!;
    expect(webhook).toMatchObject({ deliveredAt: null, attempts: 1, lastError: "the receiver answered HTTP 500" });
    expect(webhook.nextAttemptAt).toEqual(new Date(now.getTime() + 30_000));

    await bothInstancesRun(new Date(now.getTime() + 29_000));
    expect(webhooksAbout("HK$234.56")).toHaveLength(1);
    await bothInstancesRun(new Date(now.getTime() + 30_000));
    const [first, second] = webhooksAbout("HK$234.56");
    expect(second?.headers[alertDeliveryHeader]).toBe(first!.headers[alertDeliveryHeader]);
    const attempts = await t.db
      .select({ outcome: alertDeliveryAttempts.outcome, detail: alertDeliveryAttempts.detail })
      .from(alertDeliveryAttempts)
      .where(eq(alertDeliveryAttempts.deliveryId, webhook.id));
    expect(attempts).toEqual([
      { outcome: "failed", detail: "the receiver answered HTTP 500" },
      { outcome: "sent", detail: "HTTP 200" },
    ]);
  });

  it("gives a delivery up after its last attempt, and a removed webhook is not sent to", async () => {
    const { refundId } = await expiredRefund(34_567n);
    const now = new Date(Date.now() + 3_000);
    await deliverDueAlerts(t.db, { now, channels: { email: true } });
    const webhook = (await deliveriesOf(refundId)).find((d) => d.channel === "webhook")!;
    await t.db
      .update(alertDeliveries)
      .set({ attempts: maxDeliveryAttempts - 1 })
      .where(eq(alertDeliveries.id, webhook.id));
    hooks.answerNext(503);
    await sendDueAlertDeliveries(t.db, senders, { now });
    const [given] = await t.db.select().from(alertDeliveries).where(eq(alertDeliveries.id, webhook.id));
    expect(given).toMatchObject({ attempts: maxDeliveryAttempts, deliveredAt: null, abandonedAt: now });
    await sendDueAlertDeliveries(t.db, senders, { now: new Date(now.getTime() + 86_400_000) });
    expect(webhooksAbout("HK$345.67")).toHaveLength(1);

    const removable = await addWebhookEndpoint(t.db, {
      team: "finance",
      label: "Old",
      url: hooks.url,
      createdBy: null,
    });
    expect(await removeWebhookEndpoint(t.db, removable.id, now)).toBe(true);
    expect(await removeWebhookEndpoint(t.db, removable.id, now)).toBe(false);
    const later = await expiredRefund(45_678n);
    await bothInstancesRun(new Date(now.getTime() + 4_000));
    expect(webhooksAbout("HK$456.78")).toHaveLength(1);
    expect((await deliveriesOf(later.refundId)).filter((d) => d.target === removable.id)).toEqual([]);

    // Removed between fan-out and sending: given up at once, not retried for hours.
    const raced = await addWebhookEndpoint(t.db, { team: "ops", label: "Raced", url: hooks.url, createdBy: null });
    const last = await expiredRefund(67_890n);
    const at = new Date(now.getTime() + 5_000);
    await deliverDueAlerts(t.db, { now: at, channels: { email: true } });
    await removeWebhookEndpoint(t.db, raced.id, at);
    await sendDueAlertDeliveries(t.db, senders, { now: at });
    const [gone] = (await deliveriesOf(last.refundId)).filter((d) => d.target === raced.id);
    expect(gone).toMatchObject({ attempts: 1, deliveredAt: null, abandonedAt: at });
    expect(gone!.lastError).toBe("the webhook was removed before the alert could be sent");
  });

  it("leaves out a person who turned alert email off, and a team the rule is switched off for", async () => {
    await t.db.insert(alertChannelPreferences).values({ userId: readers.finance.id, channel: "email", enabled: false });
    await t.db.insert(alertRuleTeams).values({ rule: "refund_expired", team: "ops", enabled: false });
    try {
      const { refundId } = await expiredRefund(56_789n);
      await bothInstancesRun(new Date(Date.now() + 5_000));
      const [alert] = await t.db.select().from(alertOutbox).where(eq(alertOutbox.subjectId, refundId));
      const told = await t.db.select().from(notifications).where(eq(notifications.outboxId, alert!.id));
      expect(told.map((n) => n.userId).sort()).toEqual([readers.admin.id, readers.finance.id].sort());
      expect(emailsAbout("HK$567.89").map((email) => email.to)).toEqual([[readers.admin.email]]);
      expect(webhooksAbout("HK$567.89")).toEqual([]);
    } finally {
      await t.db.delete(alertChannelPreferences).where(eq(alertChannelPreferences.userId, readers.finance.id));
      await t.db
        .delete(alertRuleTeams)
        .where(and(eq(alertRuleTeams.rule, "refund_expired"), eq(alertRuleTeams.team, "ops")));
    }
  });

  it("an hourly digest sends each person one email holding the hour's alerts, once the hour is over", async () => {
    await t.db.insert(alertRuleSettings).values({ rule: "refund_expired", delivery: "hourly" });
    try {
      const hour = 3_600_000;
      const now = new Date(Math.floor(Date.now() / hour) * hour + 10 * hour + 60_000);
      await expiredRefund(11_111n);
      await expiredRefund(22_222n);
      await bothInstancesRun(now);
      const digestOf = (email: { text: string }) =>
        email.text.includes("HK$111.11") && email.text.includes("HK$222.22");
      expect(smtp.received.filter(digestOf)).toEqual([]);

      await bothInstancesRun(new Date(Math.ceil(now.getTime() / hour) * hour));
      const digests = smtp.received.filter(digestOf);
      expect(digests.map((email) => email.to).sort()).toEqual(
        Object.values(readers)
          .map((u) => [u.email])
          .sort(),
      );
      expect(new Set(digests.map((email) => email.subject))).toEqual(new Set(["2 payments alerts in the last hour."]));
      const [digestHook, ...more] = hooks.received.filter((hook) => hook.body.includes("HK$111.11"));
      expect(more).toEqual([]);
      expect(JSON.parse(digestHook!.body).alerts).toHaveLength(2);
    } finally {
      await t.db.delete(alertRuleSettings).where(eq(alertRuleSettings.rule, "refund_expired"));
    }
  });
});
