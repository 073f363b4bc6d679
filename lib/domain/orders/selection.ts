import { z } from "zod";
import { orderVerticals } from "@/drizzle/schema/orders";
import { AppError } from "@/lib/platform/errors";
import { formatMinor, majorToMinor } from "@/lib/platform/money/convert";
import { AmountPrecisionError } from "@/lib/platform/money/currency";
import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import { isOctopusCardsError } from "@/lib/integrations/providers/octopus-cards/errors";
import type { InputField, Money } from "@/lib/integrations/providers/octopus-cards/types";
import { rangeText } from "./amount-range";
import { alpha2Of } from "./countries";
import { inputFieldPrefix } from "./place-order-input";
import type { OrderSelection } from "./quote-order";

/** The quote step's URL: what was chosen in the catalogue (and, for edit and retry, what is retried). */
const selectionParams = z.object({
  vertical: z.enum(orderVerticals, { error: "must be voucher, topup or esim" }),
  productId: z.coerce.number().int().positive("must be a product id"),
  variantId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
  amount: z
    .string()
    .trim()
    .regex(/^\d{1,15}(\.\d{1,6})?$/, "must be a number such as 25.00")
    .optional(),
  quantity: z.preprocess(
    (v) => (v === "" || v === undefined ? "1" : v),
    z.coerce.number().int().min(1, "must be at least 1").max(100, "must be at most 100"),
  ),
  walletId: z.coerce.number().int().positive("choose the wallet to charge"),
  retryOf: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
});

export interface ResolvedSelection {
  selection: OrderSelection;
  productName: string;
  /** Topups: the fields the recipient form is built from. */
  inputFields: InputField[];
  /** Prefilled recipient fields (phone lookup, or the order being retried). */
  inputData: Record<string, string>;
  /** Topups: the country national phone numbers are read in (alpha-2), from the product. */
  phoneCountry?: string | undefined;
  email?: string;
  retryOf?: string;
}

/** Refuses an amount outside the product's denominations before it is quoted, naming what is allowed. */
function checkAllowed(amount: Money, allowed: { min: bigint; max: bigint }[], label: string): void {
  if (allowed.length === 0 || allowed.some((a) => amount.minor >= a.min && amount.minor <= a.max)) return;
  const described = allowed.map((a) =>
    a.min === a.max ? formatMinor(a.min, amount.currency) : rangeText({ ...a, currency: amount.currency }),
  );
  throw new AppError(
    "VALIDATION_FAILED",
    `${label} must be ${described.length === 1 ? described[0] : `one of: ${described.join(", ")}`}.`,
  );
}

type Raw = Record<string, string | string[] | undefined>;
const first = (raw: Raw, key: string) => [raw[key]].flat()[0];

/**
 * Reads the quote step's URL and looks the product up at the provider for its name, currency and
 * (topups) input fields. eSIM prices come from the variant, never from the URL.
 */
export async function resolveSelection(client: OctopusCardsClient, raw: Raw): Promise<ResolvedSelection> {
  const parsed = selectionParams.safeParse(
    Object.fromEntries(Object.keys(selectionParams.shape).map((k) => [k, first(raw, k)])),
  );
  if (!parsed.success) {
    const amountIssue = parsed.error.issues.find((i) => i.path[0] === "amount" || i.path[0] === "quantity");
    if (amountIssue)
      throw new AppError(
        "VALIDATION_FAILED",
        `${amountIssue.path[0] === "amount" ? "Amount" : "Quantity"} ${amountIssue.message}.`,
      );
    throw new AppError(
      "VALIDATION_FAILED",
      "This quote link is missing the product or the wallet; go back to the catalogue and choose them again.",
    );
  }
  const p = parsed.data;
  const inputData: Record<string, string> = {};
  for (const key of Object.keys(raw)) {
    const value = first(raw, key);
    if (key.startsWith(inputFieldPrefix) && value) inputData[key.slice(inputFieldPrefix.length)] = value;
  }
  const email = first(raw, "email");
  const amountOf = (currency: string) => {
    if (!p.amount) throw new AppError("VALIDATION_FAILED", "Choose an amount.");
    try {
      return { minor: majorToMinor(p.amount, currency), currency };
    } catch (error) {
      if (error instanceof AmountPrecisionError)
        throw new AppError("VALIDATION_FAILED", `The amount has too many decimal places for ${currency}.`);
      throw error;
    }
  };
  try {
    const common = {
      productId: p.productId,
      walletId: p.walletId,
      ...(p.retryOf && { retryOf: p.retryOf }),
      inputData,
      ...(email && { email }),
    };
    switch (p.vertical) {
      case "voucher": {
        const product = await client.getVoucherProduct(p.productId);
        const faceValue = amountOf(product.currency);
        checkAllowed(
          faceValue,
          product.denominations.map((d) => ({ min: d.min.minor, max: d.max.minor })),
          "Denomination",
        );
        return {
          ...common,
          productName: product.name,
          inputFields: [],
          selection: {
            vertical: "voucher",
            productId: p.productId,
            quantity: p.quantity,
            faceValue,
            walletId: p.walletId,
          },
        };
      }
      case "topup": {
        const product = await client.getTopupProduct(p.productId);
        const variant = p.variantId ? await client.getTopupVariant(p.variantId) : null;
        const name = variant ? `${product.name}: ${variant.name}` : product.name;
        const faceValue = amountOf(product.currency);
        if (variant)
          checkAllowed(
            faceValue,
            variant.fixedAmounts
              ? variant.fixedAmounts.map((a) => ({ min: a.minor, max: a.minor }))
              : variant.min && variant.max
                ? [{ min: variant.min.minor, max: variant.max.minor }]
                : [],
            "Amount",
          );
        return {
          ...common,
          productName: name,
          inputFields: product.inputFields ?? [],
          phoneCountry: alpha2Of(product.countryCode),
          selection: {
            vertical: "topup",
            productId: p.productId,
            ...(p.variantId && { variantId: p.variantId }),
            quantity: 1,
            faceValue,
            walletId: p.walletId,
          },
        };
      }
      case "esim": {
        if (!p.variantId) throw new AppError("VALIDATION_FAILED", "Choose an eSIM plan.");
        const [product, variant] = await Promise.all([
          client.getEsimProduct(p.productId),
          client.getEsimVariant(p.variantId),
        ]);
        if (variant.productId !== product.id)
          throw new AppError("VALIDATION_FAILED", "This plan does not belong to this eSIM product.");
        const name = `${product.name}: ${variant.dataAmountGb} GB, ${variant.validityDays} days`;
        return {
          ...common,
          productName: name,
          inputFields: [],
          selection: {
            vertical: "esim",
            productId: p.productId,
            variantId: p.variantId,
            quantity: 1,
            faceValue: variant.price,
            walletId: p.walletId,
          },
        };
      }
    }
  } catch (error) {
    if (isOctopusCardsError(error) && error.outcome === "rejected")
      throw new AppError(
        "NOT_FOUND",
        "Octopus Cards no longer offers this product or plan; choose another in the catalogue.",
        { cause: error },
      );
    if (isOctopusCardsError(error))
      throw new AppError(
        "PROVIDER_ERROR",
        "Octopus Cards did not answer when we asked for this product; nothing was ordered. Reload the page to try again.",
        { cause: error },
      );
    throw error;
  }
}
