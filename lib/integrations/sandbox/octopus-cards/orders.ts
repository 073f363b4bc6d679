import type { DbOrTx } from "@/lib/platform/db/types";
import { findDocByLookup, DuplicateDocumentError } from "../core/store";
import { scheduleEvent } from "../core/events";
import type { SandboxRequest } from "../core/types";
import { clientGroup, kinds, provider, sandboxClientId } from "./constants";
import type { Quote } from "./quote";
import { badRequest } from "./responses";
import { docKey, getRecord, insertRecord, listRecords, nextId, putRecord } from "./store";
import { triggerOf, type Trigger } from "./triggers";
import { moveMoney } from "./wallets";

export type Vertical = "voucher" | "topup" | "esim";

export const orderKinds: Record<Vertical, string> = {
  voucher: kinds.voucherOrder,
  topup: kinds.topupOrder,
  esim: kinds.esimOrder,
};

/** What the simulator remembers about an order beyond its wire shape. */
export interface OrderSim {
  walletId: number;
  debitMinor: number;
  debitCurrency: string;
  refundedMinor: number;
  trigger: Trigger;
  deliveredAt: string | null;
}

export interface StoredOrder<W> {
  order: W;
  sim: OrderSim;
}

export interface Ctx {
  now: Date;
  appUrl: string;
}

const referenceKey = (clientReference: string) => `${sandboxClientId}:${clientReference}`;

/**
 * The shared create path: one transaction takes the order id, claims the client_reference
 * (unique lookupKey: a duplicate, even a concurrent one, fails here), debits the wallet
 * (INSUFFICIENT_BALANCE aborts everything) and stores the order.
 */
export async function placeOrder<W>(
  request: SandboxRequest,
  spec: {
    vertical: Vertical;
    clientReference: string | undefined;
    walletId: number;
    quote: Quote;
    build: (ids: { orderId: number; transactionId: number; trigger: Trigger }) => W;
    afterCreate: (tx: DbOrTx, stored: StoredOrder<W>, orderId: number, ctx: Ctx) => Promise<StoredOrder<W>>;
  },
): Promise<StoredOrder<W>> {
  const ctx: Ctx = { now: request.now, appUrl: request.appUrl };
  const ref = spec.clientReference;
  try {
    return await request.db.transaction(async (tx) => {
      const orderId = await nextId(tx, spec.vertical, ctx.now);
      if (ref)
        await insertRecord(
          tx,
          kinds.clientReference,
          `${spec.vertical}:${orderId}`,
          { vertical: spec.vertical, orderId },
          ctx.now,
          { lookupKey: referenceKey(ref) },
        );
      const { quote } = spec;
      const fx =
        quote.forexRate === null
          ? null
          : {
              sourceCurrency: quote.sourceCurrency,
              forexRate: quote.forexRate,
              conversionMinor: quote.conversionFeeMinor ?? 0,
            };
      const debit = await moveMoney(
        tx,
        { walletId: spec.walletId, amountMinor: quote.payableMinor, orderId, type: "DEBIT", fx },
        ctx,
      );
      const trigger = triggerOf(ref);
      const created: StoredOrder<W> = {
        order: spec.build({ orderId, transactionId: debit.id, trigger }),
        sim: {
          walletId: spec.walletId,
          debitMinor: spec.quote.payableMinor,
          debitCurrency: spec.quote.destinationCurrency,
          refundedMinor: 0,
          trigger,
          deliveredAt: null,
        },
      };
      const stored = await spec.afterCreate(tx, created, orderId, ctx);
      await insertRecord(tx, orderKinds[spec.vertical], orderId, stored, ctx.now, {
        lookupKey: ref ? referenceKey(ref) : null,
        groupKey: clientGroup,
      });
      return stored;
    });
  } catch (error) {
    if (error instanceof DuplicateDocumentError) throw badRequest("Duplicate client_reference");
    throw error;
  }
}

/** Credits back (part of) what the order debited, as a separate CREDIT transaction. */
export async function refundOrder<W>(
  tx: DbOrTx,
  stored: StoredOrder<W>,
  orderId: number,
  amountMinor: number,
  ctx: Ctx,
): Promise<StoredOrder<W>> {
  if (amountMinor <= 0) return stored;
  await moveMoney(tx, { walletId: stored.sim.walletId, amountMinor, orderId, type: "CREDIT" }, ctx);
  return { ...stored, sim: { ...stored.sim, refundedMinor: stored.sim.refundedMinor + amountMinor } };
}

export async function scheduleSettlement(tx: DbOrTx, vertical: Vertical, orderId: number, dueAt: Date): Promise<void> {
  await scheduleEvent(tx, { provider, kind: "order.settle", dueAt, payload: { vertical, orderId } });
}

export async function getStoredOrder<W>(
  db: DbOrTx,
  vertical: Vertical,
  orderId: number,
  forUpdate = false,
): Promise<StoredOrder<W> | null> {
  return getRecord<StoredOrder<W>>(db, orderKinds[vertical], orderId, forUpdate);
}

export async function saveStoredOrder<W>(
  db: DbOrTx,
  vertical: Vertical,
  orderId: number,
  stored: StoredOrder<W>,
  now: Date,
): Promise<void> {
  await putRecord(db, orderKinds[vertical], orderId, stored, now);
}

/** Newest first; `?client_reference=` gives at most one (providers.md §3.6). */
export async function listStoredOrders<W>(request: SandboxRequest, vertical: Vertical): Promise<StoredOrder<W>[]> {
  const ref = request.query.get("client_reference");
  if (ref !== null) {
    const doc = await findDocByLookup<StoredOrder<W>>(request.db, docKey(orderKinds[vertical]), referenceKey(ref));
    return doc ? [doc.data] : [];
  }
  return listRecords<StoredOrder<W>>(request.db, orderKinds[vertical], { groupKey: clientGroup, newestFirst: true });
}
