import { z } from "zod";
import { jsonResponse } from "../core/http";
import type { SandboxRequest } from "../core/types";
import { findVoucherProduct, voucherProducts, type VoucherProduct } from "./catalogue/vouchers";
import { currencies } from "./catalogue/reference";
import { toMinor } from "./money";
import { paginatedResponse } from "./pagination";
import { quoteForWallet, quoteWire } from "./quote";
import { amountSchema, numericId, parseBody, positiveIntQuery } from "./request";
import { notFound, validationFailure } from "./responses";

export const productNotFound = () => notFound("Product not found");
export const maxVoucherQuantity = 5000;

export function loadVoucherProduct(id: number | string | undefined): VoucherProduct {
  const product = findVoucherProduct(typeof id === "number" ? id : numericId(id, productNotFound));
  if (!product) throw productNotFound();
  return product;
}

/** The denomination range containing `denomination` (fixed when min == max), else 400. */
export function denominationDiscount(product: VoucherProduct, denomination: number): number {
  const minor = toMinor(denomination, product.currency_code);
  const range = product.available_denominations.find(
    (d) => minor >= toMinor(d.min_value, product.currency_code) && minor <= toMinor(d.max_value, product.currency_code),
  );
  if (!range) throw validationFailure(`denomination ${denomination} is not available for product ${product.id}`);
  return range.discount;
}

export async function listVoucherProducts(request: SandboxRequest): Promise<Response> {
  const category = request.query.get("category");
  const countryId = positiveIntQuery(request, "country_id");
  const currencyId = positiveIntQuery(request, "currency_id");
  const currencyCode = currencies.find((c) => c.id === currencyId)?.code;
  const search = request.query.get("search")?.toLowerCase();
  const matching = voucherProducts.filter(
    (p) =>
      (!category || p.category.toLowerCase() === category.toLowerCase()) &&
      (countryId === undefined || p.country_id === countryId) &&
      (currencyId === undefined || p.currency_code === currencyCode) &&
      (!search || p.name.toLowerCase().includes(search)),
  );
  const sorted = request.query.get("sort_dir")?.toUpperCase() === "DESC" ? [...matching].reverse() : matching;
  return paginatedResponse(request, sorted, { pageParam: "limit", defaultSize: 10, maxSize: 500 });
}

export async function getVoucherProduct(_request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  return jsonResponse(200, loadVoucherProduct(params.id));
}

/** [OURS] the availability shape was not captured. */
export async function getVoucherAvailability(
  _request: SandboxRequest,
  params: Record<string, string>,
): Promise<Response> {
  const product = loadVoucherProduct(params.id);
  return jsonResponse(200, {
    product_id: product.id,
    available: true,
    stock_status: "IN_STOCK",
    max_quantity: maxVoucherQuantity,
  });
}

const chargesSchema = z.object({
  denomination: amountSchema.min(0.01).max(1e9),
  quantity: z.number().int().min(1).max(maxVoucherQuantity),
  wallet_id: z.number().int().positive().optional(),
});

export async function voucherCharges(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const product = loadVoucherProduct(params.id);
  const body = parseBody(request, chargesSchema);
  const discount = denominationDiscount(product, body.denomination);
  const { quote } = await quoteForWallet(request.db, {
    walletId: body.wallet_id,
    productCurrency: product.currency_code,
    unitAmount: body.denomination,
    quantity: body.quantity,
    discountPercent: discount,
  });
  return jsonResponse(200, quoteWire(quote, maxVoucherQuantity));
}
