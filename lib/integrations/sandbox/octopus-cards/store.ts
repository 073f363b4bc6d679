import type { DbOrTx } from "@/lib/platform/db/types";
import { getDoc, insertDoc, listDocs, putDoc, type SandboxDoc } from "../core/store";
import { kinds, provider } from "./constants";

/** Typed access to this simulator's documents. */
export const docKey = (kind: string) => ({ provider, kind });

export interface ClientRecord {
  id: number;
  /** Bumped by logout: tokens of older generations are revoked. */
  tokenGeneration: number;
}

export interface WalletRecord {
  id: number;
  currency_id: number;
  currency_code: string;
  type: "PREPAID" | "POSTPAID";
  balanceMinor: number;
}

export interface TransactionRecord {
  id: number;
  wallet_id: number;
  currency_id: number;
  currency_code: string;
  amountMinor: number;
  transaction_type: "CREDIT" | "DEBIT";
  status: "COMPLETED";
  remarks: string;
  order_id: number;
  /** Set on cross-currency debits: what the order was priced in, the rate and the conversion fee. */
  fx: { sourceCurrency: string; forexRate: number; conversionMinor: number } | null;
  created_at: string;
}

export async function getRecord<T>(
  db: DbOrTx,
  kind: string,
  id: string | number,
  forUpdate = false,
): Promise<T | null> {
  const doc = await getDoc<T>(db, docKey(kind), String(id), { forUpdate });
  return doc?.data ?? null;
}

export async function putRecord<T>(db: DbOrTx, kind: string, id: string | number, data: T, now: Date): Promise<void> {
  await putDoc(db, docKey(kind), String(id), data, now);
}

export async function listRecords<T>(
  db: DbOrTx,
  kind: string,
  options: { groupKey?: string; newestFirst?: boolean } = {},
): Promise<T[]> {
  const docs: SandboxDoc<T>[] = await listDocs<T>(db, docKey(kind), options);
  return docs.map((doc) => doc.data);
}

/** Next number of a named sequence (row-locked, so concurrent orders never share an id). */
export async function nextId(tx: DbOrTx, sequence: string, now: Date): Promise<number> {
  const counter = await getRecord<{ next: number }>(tx, kinds.counter, sequence, true);
  if (!counter) throw new Error(`sandbox counter ${sequence} is missing`);
  await putRecord(tx, kinds.counter, sequence, { next: counter.next + 1 }, now);
  return counter.next;
}

export async function insertRecord<T>(
  db: DbOrTx,
  kind: string,
  id: string | number,
  data: T,
  now: Date,
  keys: { lookupKey?: string | null; groupKey?: string | null } = {},
): Promise<void> {
  await insertDoc(db, docKey(kind), { id: String(id), data, now, ...keys });
}
