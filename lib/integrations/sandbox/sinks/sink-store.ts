import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { sandboxDocuments } from "../db/schema";
import type { DbOrTx } from "@/lib/platform/db/types";

/** What the built-in sinks received, kept beside the simulators' documents (no migration of their own). */
const sinkProvider = "sinks";

export interface ReceivedEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string | null;
  receivedAt: string;
}

export interface ReceivedWebhook {
  /** The headers a receiver checks, as they arrived. */
  signature: string | null;
  deliveryKey: string | null;
  contentType: string | null;
  body: string;
  receivedAt: string;
}

type SinkKinds = { email: ReceivedEmail; webhook: ReceivedWebhook };

export async function recordReceived<K extends keyof SinkKinds>(
  db: DbOrTx,
  kind: K,
  data: SinkKinds[K],
): Promise<void> {
  const now = new Date(data.receivedAt);
  await db
    .insert(sandboxDocuments)
    .values({ provider: sinkProvider, kind, id: randomUUID(), data, createdAt: now, updatedAt: now });
}

/** The newest first; every arrival is kept, duplicates included, so a test can count them. */
export async function listReceived<K extends keyof SinkKinds>(
  db: DbOrTx,
  kind: K,
  limit = 100,
): Promise<Array<SinkKinds[K] & { id: string }>> {
  const rows = await db
    .select({ id: sandboxDocuments.id, data: sandboxDocuments.data })
    .from(sandboxDocuments)
    .where(and(eq(sandboxDocuments.provider, sinkProvider), eq(sandboxDocuments.kind, kind)))
    .orderBy(desc(sandboxDocuments.seq))
    .limit(limit);
  return rows.map((row) => ({ ...(row.data as SinkKinds[K]), id: row.id }));
}
