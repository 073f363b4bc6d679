import { and, asc, desc, eq } from "drizzle-orm";
import { sandboxDocuments } from "../db/schema";
import { uniqueViolationOf } from "@/lib/platform/db/errors";
import type { DbOrTx } from "@/lib/platform/db/types";
import type { SandboxProviderName } from "./provider-names";

export interface SandboxDoc<T> {
  id: string;
  data: T;
  lookupKey: string | null;
  groupKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export class DuplicateDocumentError extends Error {
  override name = "DuplicateDocumentError";
}

interface DocKey {
  provider: SandboxProviderName;
  kind: string;
}

function toDoc<T>(row: typeof sandboxDocuments.$inferSelect): SandboxDoc<T> {
  return {
    id: row.id,
    data: row.data as T,
    lookupKey: row.lookupKey,
    groupKey: row.groupKey,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * A small document store for simulated provider objects, scoped by (provider, kind).
 * `lookupKey` is unique within its kind (idempotency keys, client references), so a second
 * insert with the same key fails with DuplicateDocumentError instead of creating a twin.
 */
export async function insertDoc<T>(
  db: DbOrTx,
  key: DocKey,
  doc: { id: string; data: T; lookupKey?: string | null; groupKey?: string | null; now: Date },
): Promise<SandboxDoc<T>> {
  try {
    const [row] = await db
      .insert(sandboxDocuments)
      .values({
        provider: key.provider,
        kind: key.kind,
        id: doc.id,
        lookupKey: doc.lookupKey ?? null,
        groupKey: doc.groupKey ?? null,
        data: doc.data,
        createdAt: doc.now,
        updatedAt: doc.now,
      })
      .returning();
    if (!row) throw new Error("sandbox document insert returned no row");
    return toDoc<T>(row);
  } catch (error) {
    if (uniqueViolationOf(error))
      throw new DuplicateDocumentError(`${key.provider}/${key.kind} ${doc.lookupKey ?? doc.id} exists`, {
        cause: error,
      });
    throw error;
  }
}

export async function getDoc<T>(
  db: DbOrTx,
  key: DocKey,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SandboxDoc<T> | null> {
  const query = db
    .select()
    .from(sandboxDocuments)
    .where(
      and(
        eq(sandboxDocuments.provider, key.provider),
        eq(sandboxDocuments.kind, key.kind),
        eq(sandboxDocuments.id, id),
      ),
    )
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ? toDoc<T>(row) : null;
}

export async function findDocByLookup<T>(db: DbOrTx, key: DocKey, lookupKey: string): Promise<SandboxDoc<T> | null> {
  const [row] = await db
    .select()
    .from(sandboxDocuments)
    .where(
      and(
        eq(sandboxDocuments.provider, key.provider),
        eq(sandboxDocuments.kind, key.kind),
        eq(sandboxDocuments.lookupKey, lookupKey),
      ),
    )
    .limit(1);
  return row ? toDoc<T>(row) : null;
}

/** All documents of a kind (optionally of one group), oldest first unless `newestFirst`. */
export async function listDocs<T>(
  db: DbOrTx,
  key: DocKey,
  options: { groupKey?: string; newestFirst?: boolean; limit?: number; offset?: number } = {},
): Promise<SandboxDoc<T>[]> {
  const conditions = [eq(sandboxDocuments.provider, key.provider), eq(sandboxDocuments.kind, key.kind)];
  if (options.groupKey !== undefined) conditions.push(eq(sandboxDocuments.groupKey, options.groupKey));
  const rows = await db
    .select()
    .from(sandboxDocuments)
    .where(and(...conditions))
    .orderBy(options.newestFirst ? desc(sandboxDocuments.seq) : asc(sandboxDocuments.seq))
    .limit(options.limit ?? 10_000)
    .offset(options.offset ?? 0);
  return rows.map((row) => toDoc<T>(row));
}

/** Replaces a document's data. Call inside a transaction after getDoc(..., { forUpdate: true }). */
export async function putDoc<T>(db: DbOrTx, key: DocKey, id: string, data: T, now: Date): Promise<void> {
  await db
    .update(sandboxDocuments)
    .set({ data, updatedAt: now })
    .where(
      and(
        eq(sandboxDocuments.provider, key.provider),
        eq(sandboxDocuments.kind, key.kind),
        eq(sandboxDocuments.id, id),
      ),
    );
}
