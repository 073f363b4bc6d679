import type { z } from "zod";
import { majorToMinor, minorToMajorString } from "@/lib/platform/money/convert";
import type * as orders from "./order-schemas";
import type * as wire from "./schemas";
import type {
  EsimOrder,
  EsimProduct,
  EsimVariant,
  Money,
  OrderFailure,
  Quote,
  TopupOrder,
  TopupProduct,
  TopupVariant,
  VoucherOrder,
  VoucherProduct,
  WalletTransaction,
} from "./types";

/** Provider major units (JSON number) → exact minor units; throws rather than round. */
export const money = (value: number, currency: string): Money => ({ minor: majorToMinor(value, currency), currency });
/** Minor units → the JSON number the API expects (exact for the decimal string it came from). */
export const major = (amount: Money): number => Number(minorToMajorString(amount.minor, amount.currency));

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

function failure(order: {
  failure_code?: string | null;
  failure_reason?: string | null;
  is_user_fixable?: boolean | null;
}): OrderFailure | null {
  if (!order.failure_code) return null;
  return {
    code: order.failure_code,
    reason: order.failure_reason ?? null,
    isUserFixable: order.is_user_fixable ?? null,
  };
}

export function toQuote(w: wire.ChargesWire): Quote {
  const src = (v: number) => money(v, w.charges_details.source_currency);
  const dst = (v: number) => money(v, w.charges_details.destination_currency);
  return {
    nonDiscountedTotal: src(w.non_discounted_total),
    discountAmount: src(w.discount_amount),
    totalAmount: src(w.total_amount),
    discountPercent: w.discount,
    gstAmount: src(w.gst_amount),
    totalPayable: dst(w.total_payable),
    netAmount: dst(w.net_amount ?? w.total_payable),
    handlingFee: dst(w.handling_fee_amount),
    maxQuantity: w.max_quantity ?? null,
    forexRate: w.charges_details.forex_rate,
    conversionFee: w.charges_details.conversion_fee === null ? null : dst(w.charges_details.conversion_fee),
  };
}

export function toVoucherProduct(w: z.infer<typeof wire.voucherProductSchema>): VoucherProduct {
  return {
    id: w.id,
    name: w.name,
    category: w.category ?? null,
    subCategory: w.sub_category ?? null,
    countryCode: w.country_code ?? null,
    currency: w.currency_code,
    imageUrl: w.image_url ?? null,
    deliveryMode: w.delivery_mode ?? null,
    deliveryTime: w.delivery_time ?? null,
    validity: w.validity ?? null,
    denominations: w.available_denominations.map((d) => ({
      min: money(d.min_value, w.currency_code),
      max: money(d.max_value, w.currency_code),
      discountPercent: d.discount,
      fixed: d.min_value === d.max_value,
    })),
  };
}

export function toVoucherOrder(w: orders.VoucherOrderWire): VoucherOrder {
  return {
    id: w.id,
    productId: w.product_id,
    productName: w.product_name,
    denomination: money(w.denomination, w.base_currency),
    quantity: w.quantity,
    amount: money(w.amount, w.base_currency),
    discount: money(w.discount, w.base_currency),
    deduction: w.deduction_amount === undefined ? null : money(w.deduction_amount, w.deduction_currency),
    clientReference: w.client_reference ?? null,
    walletId: w.wallet_id ?? null,
    status: w.status,
    message: w.message ?? null,
    email: w.email ?? null,
    vouchers: w.vouchers.map((v) => ({
      cardNumber: v.card_number,
      pinCode: v.pin_code,
      claimUrl: v.claim_url,
      expiresAt: date(v.expires_at),
      referenceNumber: v.voucher_reference_number,
    })),
    transactionId: w.transaction_id ?? null,
    failure: failure(w),
    createdAt: date(w.created_at),
  };
}

export function toTopupProduct(w: z.infer<typeof wire.topupProductSchema>): TopupProduct {
  return {
    id: w.id,
    name: w.name,
    type: w.topup_type,
    countryCode: w.country_code,
    currency: w.currency_code,
    imageUrl: w.image_url ?? null,
    inputFields:
      w.input_fields?.map((f) => ({
        name: f.name,
        label: f.label ?? null,
        required: f.required,
        pattern: f.pattern ?? null,
      })) ?? null,
  };
}

export function toTopupVariant(w: z.infer<typeof wire.topupVariantSchema>): TopupVariant {
  const m = (v: number | null) => (v === null ? null : money(v, w.currency_code));
  return {
    id: w.id,
    productId: w.product_id,
    name: w.name,
    category: w.category,
    fixedAmounts: w.fixed_amounts?.map((a) => money(a, w.currency_code)) ?? null,
    min: m(w.min_amount),
    max: m(w.max_amount),
  };
}

export function toTopupOrder(w: orders.TopupOrderWire): TopupOrder {
  return {
    id: w.id,
    clientReference: w.client_reference ?? null,
    productId: w.product_id,
    productName: w.product_name,
    variantName: w.variant_name ?? null,
    category: w.category ?? null,
    countryCode: w.country_code,
    amount: money(w.amount, w.currency),
    requested:
      w.requested_amount !== undefined && w.requested_currency ? money(w.requested_amount, w.requested_currency) : null,
    walletId: w.wallet_id ?? null,
    status: w.status,
    statusText: w.status_text ?? null,
    transactionId: w.transaction_id ?? null,
    failure: failure(w),
    notificationEmail: w.notification_email ?? null,
    createdAt: new Date(w.created_at),
    completedAt: date(w.completed_at),
  };
}

export function toEsimVariant(w: z.infer<typeof wire.esimVariantSchema>): EsimVariant {
  return {
    id: w.id,
    productId: w.product_id,
    name: w.name ?? null,
    price: money(w.amount, w.currency_code),
    dataAmountGb: w.data_amount_gb,
    validityDays: w.validity_days,
  };
}

export function toEsimProduct(w: z.infer<typeof wire.esimProductSchema>): EsimProduct {
  return {
    id: w.id,
    name: w.name,
    countryCode: w.country_code,
    currency: w.currency_code,
    imageUrl: w.image_url ?? null,
    variants: w.variants?.map(toEsimVariant) ?? null,
  };
}

export function toEsimOrder(w: orders.EsimOrderWire): EsimOrder {
  return {
    id: w.id,
    clientReference: w.client_reference ?? null,
    status: w.status,
    productId: w.product_id ?? null,
    productName: w.product_name,
    countryCode: w.country_code,
    dataAmountGb: w.data_amount_gb,
    validityDays: w.validity_days,
    amount: money(w.amount, w.currency),
    requested:
      w.requested_amount !== undefined && w.requested_currency ? money(w.requested_amount, w.requested_currency) : null,
    walletId: w.wallet_id ?? null,
    activationCode: w.activation_code ?? null,
    iccid: w.iccid ?? null,
    activationStatus: w.activation_status,
    isInstalled: w.is_installed,
    installedAt: date(w.installed_at),
    activatedAt: date(w.activated_at),
    transactionId: w.transaction_id ?? null,
    failure: failure(w),
    notificationEmail: w.notification_email ?? null,
    createdAt: new Date(w.created_at),
  };
}

export function toTransaction(w: z.infer<typeof wire.transactionSchema>, currency: string): WalletTransaction {
  return {
    id: w.id,
    walletId: w.wallet_id,
    amount: money(w.amount, currency),
    type: w.transaction_type,
    status: w.status,
    remarks: w.remarks,
    sourceCurrency: w.source_currency ?? null,
    forexRate: w.forex_rate ?? null,
    conversionCharges:
      w.conversion_charges === null || w.conversion_charges === undefined
        ? null
        : money(w.conversion_charges, currency),
    createdAt: new Date(w.created_at),
  };
}
