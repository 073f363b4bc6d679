import type { Api } from "./api";
import { major, toQuote, toTopupOrder, toTopupProduct, toTopupVariant } from "./mappers";
import { topupOrderSchema } from "./order-schemas";
import { chargesSchema, lookupResultSchema, topupProductSchema, topupVariantSchema } from "./schemas";
import type { Money, OperatorGuess } from "./types";

export interface CreateTopupOrder {
  productId: number;
  /** Face value, in the product's currency. */
  amount: Money;
  inputData: Record<string, string>;
  clientReference?: string;
  walletId?: number;
  category?: "Airtime" | "Data" | "Bundle";
}

export interface PerPageQuery {
  page?: number;
  perPage?: number;
}

/** providers.md §3.8. */
export function topupsApi(api: Api) {
  return {
    listTopupProducts: (q: PerPageQuery & { type?: "GAMING" | "MOBILE" | "UTILITY"; search?: string } = {}) =>
      api.list(
        {
          method: "GET",
          path: "/api/v1/topups/products",
          query: { page: q.page, per_page: q.perPage, type: q.type, search: q.search },
        },
        topupProductSchema,
        toTopupProduct,
      ),
    getTopupProduct: (id: number) =>
      api.one({ method: "GET", path: `/api/v1/topups/products/${id}` }, topupProductSchema, toTopupProduct),
    listTopupVariants: (productId: number, q: PerPageQuery = {}) =>
      api.list(
        {
          method: "GET",
          path: `/api/v1/topups/products/${productId}/variants`,
          query: { page: q.page, per_page: q.perPage },
        },
        topupVariantSchema,
        toTopupVariant,
      ),
    getTopupVariant: (id: number) =>
      api.one({ method: "GET", path: `/api/v1/topups/variants/${id}` }, topupVariantSchema, toTopupVariant),
    lookupOperator: (mobileNumber: string): Promise<OperatorGuess[]> =>
      api.one(
        { method: "POST", path: "/api/v1/topups/lookup", body: { mobile_number: mobileNumber } },
        lookupResultSchema,
        (list) =>
          list.map((g) => ({
            productId: g.product_id,
            name: g.name,
            countryCode: g.country_code,
            identified: g.identified,
          })),
      ),
    quoteTopup: (input: { productId: number; amount: Money; walletId?: number; category?: string }) =>
      api.one(
        {
          method: "POST",
          path: "/api/v1/topups/charges",
          body: {
            product_id: input.productId,
            amount: major(input.amount),
            wallet_id: input.walletId,
            category: input.category,
          },
        },
        chargesSchema,
        toQuote,
      ),
    createTopupOrder: (input: CreateTopupOrder) =>
      api.one(
        {
          method: "POST",
          path: "/api/v1/topups/orders",
          body: {
            product_id: input.productId,
            amount: major(input.amount),
            input_data: input.inputData,
            client_reference: input.clientReference,
            wallet_id: input.walletId,
            category: input.category,
          },
        },
        topupOrderSchema,
        toTopupOrder,
      ),
    listTopupOrders: (q: PerPageQuery & { clientReference?: string; status?: string } = {}) =>
      api.list(
        {
          method: "GET",
          path: "/api/v1/topups/orders",
          query: { page: q.page, per_page: q.perPage, client_reference: q.clientReference, status: q.status },
        },
        topupOrderSchema,
        toTopupOrder,
      ),
    getTopupOrder: (id: number) =>
      api.one({ method: "GET", path: `/api/v1/topups/orders/${id}` }, topupOrderSchema, toTopupOrder),
    setTopupNotificationEmail: (id: number, email: string) =>
      api.one(
        { method: "PATCH", path: `/api/v1/topups/orders/${id}/notification-email`, body: { email } },
        topupOrderSchema,
        toTopupOrder,
      ),
  };
}
