import { randomUUID } from "node:crypto";
import type { SandboxRequest } from "../core/types";
import { DuplicateDocumentError, findDocByLookup, getDoc, insertDoc, putDoc } from "../core/store";
import { ckoText, conflictError } from "./context";
import { idempotencyDoc } from "./model";

/** [DOC] Keys live 24 hours. */
export const idempotencyKeyTtlMs = 24 * 3_600_000;
/** [OURS] A "processing" claim older than this belongs to a request that died; the key is free again. */
const processingLeaseMs = 2 * 60_000;
/**
 * [OURS] Real payment and refund requests take a moment at Checkout; so does ours (outside any
 * transaction), which keeps "a duplicate arrives while the first is processing" a real window.
 */
export const simulatedProcessingMs = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface IdempotencyRecord {
  state: "processing" | "done" | "released";
  claimedAt: string;
  expiresAt: string;
  status?: number;
  bodyText?: string;
}

type Claim =
  | { kind: "claimed"; id: string; record: IdempotencyRecord }
  | { kind: "conflict" }
  | { kind: "replay"; status: number; bodyText: string };

async function claim(request: SandboxRequest, lookupKey: string): Promise<Claim> {
  const { db, now } = request;
  const fresh: IdempotencyRecord = {
    state: "processing",
    claimedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + idempotencyKeyTtlMs).toISOString(),
  };
  try {
    const doc = await insertDoc(db, idempotencyDoc, { id: randomUUID(), lookupKey, data: fresh, now });
    return { kind: "claimed", id: doc.id, record: fresh };
  } catch (error) {
    if (!(error instanceof DuplicateDocumentError)) throw error;
  }
  return db.transaction(async (tx): Promise<Claim> => {
    const found = await findDocByLookup<IdempotencyRecord>(tx, idempotencyDoc, lookupKey);
    const locked = found && (await getDoc<IdempotencyRecord>(tx, idempotencyDoc, found.id, { forUpdate: true }));
    if (!locked) throw new Error(`idempotency record ${lookupKey} vanished`);
    const record = locked.data;
    const expired = new Date(record.expiresAt) <= now;
    const abandoned =
      record.state === "processing" && new Date(record.claimedAt).getTime() + processingLeaseMs <= now.getTime();
    if (expired || abandoned || record.state === "released") {
      await putDoc(tx, idempotencyDoc, locked.id, fresh, now);
      return { kind: "claimed", id: locked.id, record: fresh };
    }
    if (record.state === "processing") return { kind: "conflict" };
    return { kind: "replay", status: record.status as number, bodyText: record.bodyText as string };
  });
}

/**
 * Cko-Idempotency-Key [DOC]: only a 2xx result is stored and replayed (same status, byte-identical
 * body); a 4xx/5xx stores nothing, so the request is processed again; a duplicate arriving while
 * the first is still being processed gets 409. Keys are scoped to the endpoint they were sent to.
 */
export async function withIdempotency(request: SandboxRequest, work: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get("cko-idempotency-key");
  if (!key) {
    await sleep(simulatedProcessingMs);
    return work();
  }
  const lookupKey = `${request.method} ${request.path} ${key}`;
  const claimed = await claim(request, lookupKey);
  if (claimed.kind === "conflict") return conflictError(request);
  if (claimed.kind === "replay") return ckoText(request, claimed.status, claimed.bodyText);

  const release = () =>
    putDoc(request.db, idempotencyDoc, claimed.id, { ...claimed.record, state: "released" }, request.now);
  let response: Response;
  try {
    await sleep(simulatedProcessingMs);
    response = await work();
  } catch (error) {
    await release();
    throw error;
  }
  const bodyText = await response.text();
  if (response.status >= 200 && response.status < 300) {
    await putDoc(
      request.db,
      idempotencyDoc,
      claimed.id,
      { ...claimed.record, state: "done", status: response.status, bodyText },
      request.now,
    );
  } else {
    await release();
  }
  return new Response(bodyText, { status: response.status, headers: response.headers });
}
