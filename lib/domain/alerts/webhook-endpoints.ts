import { and, asc, eq, isNull } from "drizzle-orm";
import { alertWebhookEndpoints } from "@/drizzle/schema/alert-channels";
import type { Role } from "@/lib/domain/auth/permissions";
import type { DbOrTx } from "@/lib/platform/db/types";
import { newWebhookSigningSecret } from "./channels/webhook-signature";

export interface WebhookEndpointView {
  id: string;
  team: Role;
  label: string;
  url: string;
  /** The secret's last four characters: enough to tell two apart, never enough to sign. */
  secretHint: string;
  createdAt: Date;
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
    url: row.url,
    secretHint: row.signingSecret.slice(-4),
    createdAt: row.createdAt,
  }));
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
