import type { z } from "zod";
import type { Api } from "./api";
import { money, toTransaction } from "./mappers";
import {
  categorySchema,
  countrySchema,
  currencySchema,
  subcategorySchema,
  transactionSchema,
  walletSchema,
} from "./schemas";
import type { Page, Wallet, WalletTransaction } from "./types";

export interface TransactionQuery {
  page?: number;
  limit?: number;
  walletId?: number;
  type?: "CREDIT" | "DEBIT";
  status?: "COMPLETED" | "PENDING" | "FAILED";
}

/** providers.md §3.10: wallets, transactions and reference data. */
export function walletsApi(api: Api) {
  let currencyCodes: Promise<Map<number, string>> | null = null;
  /** currency_code is [OURS] and optional: fall back to the currencies reference list (loaded once). */
  const currencyCode = async (item: { currency_id: number; currency_code?: string }): Promise<string> => {
    if (item.currency_code) return item.currency_code;
    currencyCodes ??= api
      .list({ method: "GET", path: "/api/v1/currencies", query: { limit: 10_000 } }, currencySchema, (c) => c)
      .then((page) => new Map(page.items.map((c) => [c.id, c.code])))
      .catch((error: unknown) => {
        currencyCodes = null;
        throw error;
      });
    const code = (await currencyCodes).get(item.currency_id);
    if (!code) throw new RangeError(`unknown Octopus Cards currency_id ${item.currency_id}`);
    return code;
  };
  const toWallet = async (w: z.infer<typeof walletSchema>): Promise<Wallet> => ({
    id: w.id,
    currencyId: w.currency_id,
    balance: money(w.amount, await currencyCode(w)),
    type: w.type,
  });
  const resolvePage = async <W, T>(page: Page<W>, map: (w: W) => Promise<T>): Promise<Page<T>> => ({
    items: await Promise.all(page.items.map(map)),
    page: page.page,
  });
  const toTx = async (w: z.infer<typeof transactionSchema>): Promise<WalletTransaction> =>
    toTransaction(w, await currencyCode(w));

  return {
    listWallets: async (q: { page?: number; limit?: number; currency?: string } = {}) =>
      resolvePage(
        await api.list(
          { method: "GET", path: "/api/v1/wallets", query: { page: q.page, limit: q.limit, currency: q.currency } },
          walletSchema,
          (w) => w,
        ),
        toWallet,
      ),
    getWallet: async (id: number) =>
      toWallet(await api.one({ method: "GET", path: `/api/v1/wallets/${id}` }, walletSchema, (w) => w)),
    listTransactions: async (q: TransactionQuery = {}) =>
      resolvePage(
        await api.list(
          {
            method: "GET",
            path: "/api/v1/transactions",
            query: { page: q.page, limit: q.limit, wallet_id: q.walletId, transaction_type: q.type, status: q.status },
          },
          transactionSchema,
          (w) => w,
        ),
        toTx,
      ),
    getTransaction: async (id: number) =>
      toTx(await api.one({ method: "GET", path: `/api/v1/transactions/${id}` }, transactionSchema, (w) => w)),
    listCountries: () =>
      api.list({ method: "GET", path: "/api/v1/countries", query: { limit: 10_000 } }, countrySchema, (c) => c),
    getCountry: (id: number) => api.one({ method: "GET", path: `/api/v1/countries/${id}` }, countrySchema, (c) => c),
    listCurrencies: () =>
      api.list({ method: "GET", path: "/api/v1/currencies", query: { limit: 10_000 } }, currencySchema, (c) => c),
    listCategories: () =>
      api.list({ method: "GET", path: "/api/v1/categories", query: { limit: 10_000 } }, categorySchema, (c) => c),
    getCategory: (id: number) => api.one({ method: "GET", path: `/api/v1/categories/${id}` }, categorySchema, (c) => c),
    listSubcategories: () =>
      api.list({ method: "GET", path: "/api/v1/subcategories", query: { limit: 10_000 } }, subcategorySchema, (c) => c),
    getSubcategory: (id: number) =>
      api.one({ method: "GET", path: `/api/v1/subcategories/${id}` }, subcategorySchema, (c) => c),
  };
}
