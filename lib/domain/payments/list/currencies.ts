import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/platform/db/types";
import { isKnownCurrency } from "@/lib/platform/money/currency";

/**
 * The currencies the ledger holds, for the currency filter: a loose index scan (one index probe
 * per distinct currency on the (currency, amount_minor, id) index), so it costs a handful of
 * reads at any ledger size. Codes outside ISO 4217 are left out: the filter only takes known ones.
 */
export function buildLedgerCurrenciesQuery() {
  return sql`
    with recursive present(currency) as (
      (select currency from payments order by currency limit 1)
      union all
      select (select p.currency from payments p where p.currency > present.currency order by p.currency limit 1)
      from present
      where present.currency is not null
    )
    select currency from present where currency is not null`;
}

export async function ledgerCurrencies(db: DbOrTx): Promise<string[]> {
  const result: unknown = await db.execute(buildLedgerCurrenciesQuery());
  // PGlite answers { rows }, postgres.js an array of rows.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { currency: string }[];
  return rows.map((row) => row.currency).filter(isKnownCurrency);
}
