import { AsyncLocalStorage } from "node:async_hooks";
import type { Database } from "./types";

/** Set for the code running inside a db.transaction callback (nested savepoints inherit it). */
const openTransaction = new AsyncLocalStorage<true>();

/** True while the calling code runs inside a database transaction's callback. */
export function isInsideTransaction(): boolean {
  return openTransaction.getStore() === true;
}

/**
 * Wraps db.transaction so that its callback runs marked as "inside a transaction". The marker
 * lets outbound calls refuse to run while a transaction holds a connection (and, on PGlite,
 * the only one): see assertNoOpenTransaction.
 */
export function markTransactions(db: Database): Database {
  const original = db.transaction.bind(db);
  const marked: Database["transaction"] = (work, config) =>
    original((tx) => openTransaction.run(true, () => work(tx)), config);
  db.transaction = marked;
  return db;
}
