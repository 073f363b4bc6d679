import type { Api } from "./api";
import { major, toQuote, toVoucherOrder, toVoucherProduct } from "./mappers";
import { voucherOrderSchema } from "./order-schemas";
import { availabilitySchema, chargesSchema, voucherProductSchema } from "./schemas";
import type { Money } from "./types";

export interface VoucherProductQuery {
  page?: number;
  limit?: number;
  category?: string;
  countryId?: number;
  currencyId?: number;
  search?: string;
}

export interface CreateVoucherOrder {
  productId: number;
  /** Face value of one voucher, in the product's currency. */
  denomination: Money;
  quantity: number;
  walletId?: number;
  clientReference?: string;
  email?: string;
}

export interface OrderListQuery {
  page?: number;
  limit?: number;
  clientReference?: string;
  status?: string;
}

/** providers.md §3.7. */
export function vouchersApi(api: Api) {
  return {
    listVoucherProducts: (q: VoucherProductQuery = {}) =>
      api.list(
        {
          method: "GET",
          path: "/api/v1/products",
          query: {
            page: q.page,
            limit: q.limit,
            category: q.category,
            country_id: q.countryId,
            currency_id: q.currencyId,
            search: q.search,
          },
        },
        voucherProductSchema,
        toVoucherProduct,
      ),
    getVoucherProduct: (id: number) =>
      api.one({ method: "GET", path: `/api/v1/products/${id}` }, voucherProductSchema, toVoucherProduct),
    getVoucherAvailability: (id: number) =>
      api.one({ method: "GET", path: `/api/v1/products/${id}/availability` }, availabilitySchema, (w) => w),
    quoteVoucher: (productId: number, input: { denomination: Money; quantity: number; walletId?: number }) =>
      api.one(
        {
          method: "POST",
          path: `/api/v1/products/${productId}/charges`,
          body: { denomination: major(input.denomination), quantity: input.quantity, wallet_id: input.walletId },
        },
        chargesSchema,
        toQuote,
      ),
    createVoucherOrder: (input: CreateVoucherOrder) =>
      api.one(
        {
          method: "POST",
          path: "/api/v1/orders",
          body: {
            product_id: input.productId,
            denomination: major(input.denomination),
            quantity: input.quantity,
            wallet_id: input.walletId,
            client_reference: input.clientReference,
            email: input.email,
          },
        },
        voucherOrderSchema,
        toVoucherOrder,
      ),
    listVoucherOrders: (q: OrderListQuery = {}) =>
      api.list(
        {
          method: "GET",
          path: "/api/v1/orders",
          query: { page: q.page, limit: q.limit, client_reference: q.clientReference, status: q.status },
        },
        voucherOrderSchema,
        toVoucherOrder,
      ),
    getVoucherOrder: (id: number) =>
      api.one({ method: "GET", path: `/api/v1/orders/${id}` }, voucherOrderSchema, toVoucherOrder),
  };
}
