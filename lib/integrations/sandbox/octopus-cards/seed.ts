import type { Database } from "@/lib/platform/db/types";
import { DuplicateDocumentError } from "../core/store";
import { currencyIdOf } from "./catalogue/reference";
import { clientGroup, kinds, sandboxClientId } from "./constants";
import { insertRecord, type ClientRecord, type WalletRecord } from "./store";

/** [OURS] the pre-credited sandbox wallets: USD 5,000.00 and HKD 20,000.00. */
const seedWallets: WalletRecord[] = [
  { id: 1, currency_id: currencyIdOf("USD"), currency_code: "USD", type: "PREPAID", balanceMinor: 500_000 },
  { id: 2, currency_id: currencyIdOf("HKD"), currency_code: "HKD", type: "PREPAID", balanceMinor: 2_000_000 },
];

/** First ids of each sequence, shaped like the docs' examples. */
const sequences: Record<string, number> = {
  voucher: 1001,
  topup: 9_123_401,
  esim: 9_302_401,
  transaction: 7_401_001,
};

const seeded = new WeakMap<Database, Promise<void>>();

async function seed(db: Database, now: Date): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      // The client document doubles as the "already seeded" marker: a concurrent seeder blocks on it, then fails as a duplicate.
      await insertRecord<ClientRecord>(
        tx,
        kinds.client,
        sandboxClientId,
        { id: sandboxClientId, tokenGeneration: 0 },
        now,
      );
      for (const wallet of seedWallets)
        await insertRecord(tx, kinds.wallet, wallet.id, wallet, now, { groupKey: clientGroup });
      for (const [name, next] of Object.entries(sequences)) await insertRecord(tx, kinds.counter, name, { next }, now);
    });
  } catch (error) {
    if (!(error instanceof DuplicateDocumentError)) throw error;
  }
}

/** Creates the sandbox client, wallets and id sequences once per database (idempotent, race-free). */
export function ensureSeeded(db: Database, now: Date): Promise<void> {
  let pending = seeded.get(db);
  if (!pending) {
    pending = seed(db, now).catch((error: unknown) => {
      seeded.delete(db);
      throw error;
    });
    seeded.set(db, pending);
  }
  return pending;
}
