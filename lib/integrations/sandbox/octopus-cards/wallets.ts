import type { DbOrTx } from "@/lib/platform/db/types";
import { jsonResponse } from "../core/http";
import type { SandboxRequest } from "../core/types";
import { clientGroup, kinds } from "./constants";
import { toMajor, toMajorString } from "./money";
import { limitPaging, paginatedResponse } from "./pagination";
import { numericId, positiveIntQuery } from "./request";
import { badRequest, insufficientBalance, notFound } from "./responses";
import {
  getRecord,
  insertRecord,
  listRecords,
  nextId,
  putRecord,
  type TransactionRecord,
  type WalletRecord,
} from "./store";
import { emitWebhook } from "./webhooks";

const walletNotFound = () => notFound("Wallet not found");
const transactionNotFound = () => notFound("Transaction not found");

/** [3P-twin] shape plus [OURS] currency_code (providers.md §3.12 #4). */
export function walletWire(wallet: WalletRecord) {
  return {
    id: wallet.id,
    currency_id: wallet.currency_id,
    currency_code: wallet.currency_code,
    amount: toMajor(wallet.balanceMinor, wallet.currency_code),
    type: wallet.type,
  };
}

export function transactionWire(t: TransactionRecord) {
  return {
    id: t.id,
    wallet_id: t.wallet_id,
    currency_id: t.currency_id,
    currency_code: t.currency_code,
    amount: toMajor(t.amountMinor, t.currency_code),
    transaction_type: t.transaction_type,
    status: t.status,
    source_currency: t.fx?.sourceCurrency ?? null,
    destination_currency: t.fx ? t.currency_code : null,
    forex_rate: t.fx?.forexRate ?? null,
    conversion_charges: t.fx ? toMajor(t.fx.conversionMinor, t.currency_code) : null,
    remarks: t.remarks,
    order_id: t.order_id,
    created_at: t.created_at,
  };
}

export async function loadWallet(db: DbOrTx, walletId: number): Promise<WalletRecord> {
  const wallet = await getRecord<WalletRecord>(db, kinds.wallet, walletId);
  if (!wallet) throw badRequest("Wallet not found");
  return wallet;
}

/** [DOC] without wallet_id: the product-currency wallet, else the default (USD, id 1) wallet. */
export async function chooseWallet(
  db: DbOrTx,
  walletId: number | undefined,
  productCurrency: string,
): Promise<WalletRecord> {
  if (walletId !== undefined) return loadWallet(db, walletId);
  const wallets = await listRecords<WalletRecord>(db, kinds.wallet, { groupKey: clientGroup });
  return wallets.find((w) => w.currency_code === productCurrency) ?? loadWallet(db, 1);
}

interface Movement {
  walletId: number;
  amountMinor: number;
  orderId: number;
  type: "DEBIT" | "CREDIT";
  fx?: TransactionRecord["fx"];
}

/** Debits or credits a wallet (row-locked) and records the transaction + its wallet.* webhook. */
export async function moveMoney(
  tx: DbOrTx,
  movement: Movement,
  ctx: { now: Date; appUrl: string },
): Promise<TransactionRecord> {
  const wallet = await getRecord<WalletRecord>(tx, kinds.wallet, movement.walletId, true);
  if (!wallet) throw badRequest("Wallet not found");
  const debit = movement.type === "DEBIT";
  if (debit && wallet.type === "PREPAID" && wallet.balanceMinor < movement.amountMinor) throw insufficientBalance();
  const balanceMinor = wallet.balanceMinor + (debit ? -movement.amountMinor : movement.amountMinor);
  await putRecord(tx, kinds.wallet, wallet.id, { ...wallet, balanceMinor }, ctx.now);
  const id = await nextId(tx, "transaction", ctx.now);
  const amount = toMajorString(movement.amountMinor, wallet.currency_code);
  const remarks = debit
    ? `${wallet.currency_code} Wallet debited by amount ${amount} - Order #${movement.orderId}`
    : `${wallet.currency_code} Wallet credited by amount ${amount} - Refund for order #${movement.orderId}`;
  const record: TransactionRecord = {
    id,
    wallet_id: wallet.id,
    currency_id: wallet.currency_id,
    currency_code: wallet.currency_code,
    amountMinor: movement.amountMinor,
    transaction_type: movement.type,
    status: "COMPLETED",
    remarks,
    order_id: movement.orderId,
    fx: movement.fx ?? null,
    created_at: ctx.now.toISOString(),
  };
  await insertRecord(tx, kinds.transaction, id, record, ctx.now, { groupKey: `wallet:${wallet.id}` });
  await emitWebhook(tx, debit ? "wallet.debited" : "wallet.credited", transactionWire(record), ctx);
  return record;
}

export async function listWallets(request: SandboxRequest): Promise<Response> {
  const currency = request.query.get("currency");
  const wallets = (await listRecords<WalletRecord>(request.db, kinds.wallet, { groupKey: clientGroup })).filter(
    (w) => !currency || w.currency_code === currency.toUpperCase(),
  );
  return paginatedResponse(request, wallets.map(walletWire), limitPaging);
}

export async function getWallet(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const wallet = await getRecord<WalletRecord>(request.db, kinds.wallet, numericId(params.id, walletNotFound));
  if (!wallet) throw walletNotFound();
  return jsonResponse(200, walletWire(wallet));
}

export async function listTransactions(request: SandboxRequest): Promise<Response> {
  const walletId = positiveIntQuery(request, "wallet_id");
  const type = request.query.get("transaction_type");
  const status = request.query.get("status");
  const all = await listRecords<TransactionRecord>(request.db, kinds.transaction, { newestFirst: true });
  const matching = all.filter(
    (t) =>
      (walletId === undefined || t.wallet_id === walletId) &&
      (!type || t.transaction_type === type) &&
      (!status || t.status === status),
  );
  return paginatedResponse(request, matching.map(transactionWire), limitPaging);
}

export async function getTransaction(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const record = await getRecord<TransactionRecord>(
    request.db,
    kinds.transaction,
    numericId(params.id, transactionNotFound),
  );
  if (!record) throw transactionNotFound();
  return jsonResponse(200, transactionWire(record));
}
