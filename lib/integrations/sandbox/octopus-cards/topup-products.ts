import { z } from "zod";
import { jsonResponse } from "../core/http";
import type { SandboxRequest } from "../core/types";
import {
  findTopupProduct,
  findTopupVariant,
  topupProducts,
  variantsOfTopupProduct,
  type TopupProduct,
  type TopupVariant,
} from "./catalogue/topups";
import { toMinor } from "./money";
import { paginatedResponse, perPagePaging } from "./pagination";
import { quoteForWallet, quoteWire } from "./quote";
import { amountSchema, numericId, parseBody } from "./request";
import { notFound, validationFailure } from "./responses";

const productNotFound = () => notFound("Product not found");
const variantNotFound = () => notFound("Variant not found");
export const topupCategorySchema = z.enum(["Airtime", "Data", "Bundle"]);

/** The public product shape (operator prefixes are simulator-internal). */
export function topupProductWire(product: TopupProduct, withFields: boolean) {
  const { operator_prefixes: _prefixes, input_fields, ...rest } = product;
  void _prefixes;
  return withFields ? { ...rest, input_fields } : rest;
}

export function loadTopupProduct(id: number | string | undefined): TopupProduct {
  const product = findTopupProduct(typeof id === "number" ? id : numericId(id, productNotFound));
  if (!product) throw productNotFound();
  return product;
}

/** [DOC] the service picks the variant for (product_id, amount[, category]). */
export function selectTopupVariant(product: TopupProduct, amount: number, category?: string): TopupVariant {
  const minor = toMinor(amount, product.currency_code);
  const toProductMinor = (value: number) => toMinor(value, product.currency_code);
  const variant = variantsOfTopupProduct(product.id).find(
    (v) =>
      (!category || v.category === category) &&
      (v.fixed_amounts
        ? v.fixed_amounts.some((a) => toProductMinor(a) === minor)
        : minor >= toProductMinor(v.min_amount ?? 0) && minor <= toProductMinor(v.max_amount ?? 0)),
  );
  if (!variant) throw validationFailure(`amount ${amount} does not match any variant of product ${product.id}`);
  return variant;
}

export async function listTopupProducts(request: SandboxRequest): Promise<Response> {
  const type = request.query.get("type")?.toUpperCase();
  const search = request.query.get("search")?.toLowerCase();
  const matching = topupProducts.filter(
    (p) => (!type || p.topup_type === type) && (!search || p.name.toLowerCase().includes(search)),
  );
  return paginatedResponse(
    request,
    matching.map((p) => topupProductWire(p, false)),
    perPagePaging,
  );
}

export async function getTopupProduct(_request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  return jsonResponse(200, topupProductWire(loadTopupProduct(params.id), true));
}

export async function listTopupProductVariants(
  request: SandboxRequest,
  params: Record<string, string>,
): Promise<Response> {
  return paginatedResponse(request, variantsOfTopupProduct(loadTopupProduct(params.id).id), perPagePaging);
}

export async function getTopupVariant(_request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const variant = findTopupVariant(numericId(params.id, variantNotFound));
  if (!variant) throw variantNotFound();
  return jsonResponse(200, variant);
}

const lookupSchema = z.object({ mobile_number: z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number") });

/** Operators whose prefix matches, longest prefix first; the first is the identified guess. */
export async function lookupOperator(request: SandboxRequest): Promise<Response> {
  const body = parseBody(request, lookupSchema, "mobile_number is required");
  const matches = topupProducts
    .flatMap((p) =>
      p.operator_prefixes
        .filter((prefix) => body.mobile_number.startsWith(prefix))
        .map((prefix) => ({ p, length: prefix.length })),
    )
    .sort((a, b) => b.length - a.length)
    .filter((m, i, all) => all.findIndex((other) => other.p.id === m.p.id) === i);
  return jsonResponse(
    200,
    matches.map(({ p }, i) => ({ product_id: p.id, name: p.name, country_code: p.country_code, identified: i === 0 })),
  );
}

const chargesSchema = z.object({
  product_id: z.number().int().positive(),
  amount: amountSchema,
  wallet_id: z.number().int().positive().optional(),
  category: topupCategorySchema.optional(),
});

export async function topupCharges(request: SandboxRequest): Promise<Response> {
  const body = parseBody(request, chargesSchema);
  const product = loadTopupProduct(body.product_id);
  selectTopupVariant(product, body.amount, body.category);
  const { quote } = await quoteForWallet(request.db, {
    walletId: body.wallet_id,
    productCurrency: product.currency_code,
    unitAmount: body.amount,
    quantity: 1,
    discountPercent: product.discount,
  });
  return jsonResponse(200, quoteWire(quote));
}
