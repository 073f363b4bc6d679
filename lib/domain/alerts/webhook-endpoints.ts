import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { typedText } from "@/lib/app/validation/text";
import { roles } from "@/drizzle/schema/auth";
import { alertWebhookEndpoints } from "@/drizzle/schema/alert-channels";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import type { Role } from "@/lib/domain/auth/permissions";
import type { Database, DbOrTx } from "@/lib/platform/db/types";
import { newWebhookSigningSecret } from "./channels/webhook-signature";

/** Live mode sends alerts (and their signatures) over the internet: only https. The sandbox may post to itself over http. */
export function addWebhookEndpointInput(options: { live: boolean }) {
  return z.object({
    team: z.enum(roles, { error: "must be one of the teams listed" }),
    name: typedText({ max: 80 }).pipe(z.string().min(1, "is required")),
    webhookUrl: typedText({ max: 2000 })
      .pipe(z.string().min(1, "is required"))
      .refine((value) => URL.canParse(value), "must be a full address such as https://hooks.slack.com/services/…")
      .refine(
        (value) =>
          !URL.canParse(value) || ["https:", ...(options.live ? [] : ["http:"])].includes(new URL(value).protocol),
        {
          message: options.live ? "must start with https://" : "must start with https:// or http://",
        },
      )
      .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), {
        message: "must not hold a user name or password",
      }),
  });
}
export type AddWebhookEndpointInput = z.output<ReturnType<typeof addWebhookEndpointInput>>;

export const removeWebhookEndpointInput = z.object({
  endpointId: z.uuid({ error: "must be a webhook listed on this page" }),
});

export interface WebhookEndpointView {
  id: string;
  team: Role;
  label: string;
  /** Shown masked: a chat webhook's path is itself a credential. */
  maskedUrl: string;
  /** The secret's last four characters: enough to tell two apart, never enough to sign. */
  secretHint: string;
  createdAt: Date;
}

/** The origin and the path's last four characters: enough to recognise it, not enough to post to it. */
export function maskedWebhookUrl(url: string): string {
  if (!URL.canParse(url)) return "…";
  const { origin, pathname } = new URL(url);
  return pathname.length > 1 ? `${origin}/…${pathname.slice(-4)}` : origin;
}

export async function listWebhookEndpoints(db: DbOrTx): Promise<WebhookEndpointView[]> {
  const rows = await db
    .select()
    .from(alertWebhookEndpoints)
    .where(isNull(alertWebhookEndpoints.disabledAt))
    .orderBy(asc(alertWebhookEndpoints.createdAt));
  return rows.map((row) => ({
    id: row.id,
    team: row.team,
    label: row.label,
    maskedUrl: maskedWebhookUrl(row.url),
    secretHint: row.signingSecret.slice(-4),
    createdAt: row.createdAt,
  }));
}

/** Adds a team's endpoint with its audit row; the new signing secret is returned once, for the admin to copy. */
export async function addAuditedWebhookEndpoint(db: Database, actor: AuditActor, input: AddWebhookEndpointInput) {
  return db.transaction(async (tx) => {
    const added = await addWebhookEndpoint(tx, {
      team: input.team,
      label: input.name,
      url: input.webhookUrl,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: "alert_webhook.add",
      targetType: "alert_webhook",
      targetId: added.id,
      before: null,
      after: { team: input.team, label: input.name, url: maskedWebhookUrl(input.webhookUrl) },
    });
    return added;
  });
}

/** Removes it with its audit row; false when it was already removed. */
export async function removeAuditedWebhookEndpoint(
  db: Database,
  actor: AuditActor,
  endpointId: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const removed = await removeWebhookEndpoint(tx, endpointId, now);
    if (removed)
      await recordAudit(tx, actor, {
        action: "alert_webhook.remove",
        targetType: "alert_webhook",
        targetId: endpointId,
        before: { removed: false },
        after: { removed: true },
      });
    return removed;
  });
}

/** Adds a team's endpoint with a new signing secret, returned once for the admin to copy. */
export async function addWebhookEndpoint(
  db: DbOrTx,
  input: { team: Role; label: string; url: string; createdBy: string | null },
): Promise<{ id: string; signingSecret: string }> {
  const signingSecret = newWebhookSigningSecret();
  const [row] = await db
    .insert(alertWebhookEndpoints)
    .values({ ...input, signingSecret })
    .returning({ id: alertWebhookEndpoints.id });
  if (!row) throw new Error("the webhook endpoint insert returned no row");
  return { id: row.id, signingSecret };
}

/** Stops sending to it; its deliveries and their history stay. False when it was already removed. */
export async function removeWebhookEndpoint(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const removed = await db
    .update(alertWebhookEndpoints)
    .set({ disabledAt: now })
    .where(and(eq(alertWebhookEndpoints.id, id), isNull(alertWebhookEndpoints.disabledAt)))
    .returning({ id: alertWebhookEndpoints.id });
  return removed.length === 1;
}

export const sandboxSinkLabel = "Sandbox webhook sink";

/**
 * Sandbox mode: ops' alerts also go to the built-in webhook sink, so a new user sees a signed
 * webhook arrive with zero set-up. Added once; an admin who removes it keeps it removed.
 */
export async function ensureSandboxSinkEndpoint(db: DbOrTx, url: string): Promise<void> {
  const [existing] = await db
    .select({ id: alertWebhookEndpoints.id })
    .from(alertWebhookEndpoints)
    .where(eq(alertWebhookEndpoints.label, sandboxSinkLabel))
    .limit(1);
  if (existing) return;
  await addWebhookEndpoint(db, { team: "ops", label: sandboxSinkLabel, url, createdBy: null });
}
