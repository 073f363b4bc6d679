import { z } from "zod";
import { jsonResponse } from "../core/http";
import type { SandboxRequest } from "../core/types";
import {
  esimProducts,
  findEsimProduct,
  findEsimVariant,
  variantsOfEsimProduct,
  type EsimProduct,
  type EsimVariant,
} from "./catalogue/esim";
import { toMinor } from "./money";
import { paginatedResponse, perPagePaging } from "./pagination";
import { quoteForWallet, quoteWire } from "./quote";
import { amountSchema, numericId, parseBody } from "./request";
import { notFound, validationFailure } from "./responses";

const productNotFound = () => notFound("Product not found");
const variantNotFound = () => notFound("Variant not found");

export function loadEsimProduct(id: number | string | undefined): EsimProduct {
  const product = findEsimProduct(typeof id === "number" ? id : numericId(id, productNotFound));
  if (!product) throw productNotFound();
  return product;
}

/** [DOC] the variant is selected by (product_id, amount): the amount must equal a variant's. */
export function selectEsimVariant(product: EsimProduct, amount: number): EsimVariant {
  const minor = toMinor(amount, product.currency_code);
  const variant = variantsOfEsimProduct(product.id).find((v) => toMinor(v.amount, v.currency_code) === minor);
  if (!variant) throw validationFailure(`amount ${amount} does not match any variant of product ${product.id}`);
  return variant;
}

export async function listEsimProducts(request: SandboxRequest): Promise<Response> {
  const country = request.query.get("country_code")?.toUpperCase();
  const matching = esimProducts.filter((p) => !country || p.country_code === country);
  return paginatedResponse(request, matching, perPagePaging);
}

export async function getEsimProduct(_request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const product = loadEsimProduct(params.id);
  return jsonResponse(200, { ...product, variants: variantsOfEsimProduct(product.id) });
}

export async function listEsimProductVariants(
  request: SandboxRequest,
  params: Record<string, string>,
): Promise<Response> {
  return paginatedResponse(request, variantsOfEsimProduct(loadEsimProduct(params.id).id), perPagePaging);
}

export async function getEsimVariant(_request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const variant = findEsimVariant(numericId(params.id, variantNotFound));
  if (!variant) throw variantNotFound();
  return jsonResponse(200, variant);
}

const chargesSchema = z.object({
  product_id: z.number().int().positive(),
  amount: amountSchema,
  wallet_id: z.number().int().positive().optional(),
});

export async function esimCharges(request: SandboxRequest): Promise<Response> {
  const body = parseBody(request, chargesSchema);
  const product = loadEsimProduct(body.product_id);
  selectEsimVariant(product, body.amount);
  const { quote } = await quoteForWallet(request.db, {
    walletId: body.wallet_id,
    productCurrency: product.currency_code,
    unitAmount: body.amount,
    quantity: 1,
    discountPercent: product.discount,
  });
  return jsonResponse(200, quoteWire(quote));
}
