import type { Api } from "./api";
import { major, toEsimOrder, toEsimProduct, toEsimVariant, toQuote } from "./mappers";
import { esimOrderSchema } from "./order-schemas";
import { chargesSchema, esimProductSchema, esimVariantSchema } from "./schemas";
import type { PerPageQuery } from "./topups-api";
import type { Money } from "./types";

export interface CreateEsimOrder {
  productId: number;
  /** A variant's price exactly as the API gave it. */
  amount: Money;
  clientReference?: string;
  walletId?: number;
}

/** providers.md §3.9. */
export function esimApi(api: Api) {
  return {
    listEsimProducts: (q: PerPageQuery & { countryCode?: string } = {}) =>
      api.list(
        {
          method: "GET",
          path: "/api/v1/esim/products",
          query: { page: q.page, per_page: q.perPage, country_code: q.countryCode },
        },
        esimProductSchema,
        toEsimProduct,
      ),
    getEsimProduct: (id: number) =>
      api.one({ method: "GET", path: `/api/v1/esim/products/${id}` }, esimProductSchema, toEsimProduct),
    listEsimVariants: (productId: number, q: PerPageQuery = {}) =>
      api.list(
        {
          method: "GET",
          path: `/api/v1/esim/products/${productId}/variants`,
          query: { page: q.page, per_page: q.perPage },
        },
        esimVariantSchema,
        toEsimVariant,
      ),
    getEsimVariant: (id: number) =>
      api.one({ method: "GET", path: `/api/v1/esim/variants/${id}` }, esimVariantSchema, toEsimVariant),
    quoteEsim: (input: { productId: number; amount: Money; walletId?: number }) =>
      api.one(
        {
          method: "POST",
          path: "/api/v1/esim/charges",
          body: { product_id: input.productId, amount: major(input.amount), wallet_id: input.walletId },
        },
        chargesSchema,
        toQuote,
      ),
    /** Always HTTP 200: branch on status (DELIVERED with activation code, PENDING, or FAILED and refunded). */
    createEsimOrder: (input: CreateEsimOrder) =>
      api.one(
        {
          method: "POST",
          path: "/api/v1/esim/orders",
          body: {
            product_id: input.productId,
            amount: major(input.amount),
            quantity: 1,
            client_reference: input.clientReference,
            wallet_id: input.walletId,
          },
        },
        esimOrderSchema,
        toEsimOrder,
      ),
    listEsimOrders: (q: PerPageQuery & { clientReference?: string; status?: string } = {}) =>
      api.list(
        {
          method: "GET",
          path: "/api/v1/esim/orders",
          query: { page: q.page, per_page: q.perPage, client_reference: q.clientReference, status: q.status },
        },
        esimOrderSchema,
        toEsimOrder,
      ),
    getEsimOrder: (id: number) =>
      api.one({ method: "GET", path: `/api/v1/esim/orders/${id}` }, esimOrderSchema, toEsimOrder),
    setEsimNotificationEmail: (id: number, email: string) =>
      api.one(
        { method: "PATCH", path: `/api/v1/esim/orders/${id}/notification-email`, body: { email } },
        esimOrderSchema,
        toEsimOrder,
      ),
  };
}
