import type { PageInfo } from "./transport";

/** Amounts inside the app: integer minor units with their ISO 4217 currency. */
export interface Money {
  minor: bigint;
  currency: string;
}

export interface Page<T> {
  items: T[];
  page: PageInfo;
}

export interface OrderFailure {
  code: string;
  reason: string | null;
  isUserFixable: boolean | null;
}

export interface Quote {
  nonDiscountedTotal: Money;
  discountAmount: Money;
  totalAmount: Money;
  discountPercent: number;
  gstAmount: Money;
  /** What the wallet pays, in the wallet (destination) currency. */
  totalPayable: Money;
  netAmount: Money;
  handlingFee: Money;
  maxQuantity: number | null;
  forexRate: number | null;
  conversionFee: Money | null;
}

export interface VoucherProduct {
  id: number;
  name: string;
  category: string | null;
  subCategory: string | null;
  countryCode: string | null;
  currency: string;
  imageUrl: string | null;
  deliveryMode: string | null;
  deliveryTime: string | null;
  validity: string | null;
  denominations: { min: Money; max: Money; discountPercent: number; fixed: boolean }[];
}

export interface VoucherCode {
  cardNumber: string | null;
  pinCode: string | null;
  claimUrl: string | null;
  expiresAt: Date | null;
  referenceNumber: string | null;
}

export type VoucherOrderStatus = "PENDING" | "DELIVERED" | "PARTIALLY_DELIVERED" | "FAILED" | "CANCELLED";

export interface VoucherOrder {
  id: number;
  productId: number;
  productName: string;
  denomination: Money;
  quantity: number;
  amount: Money;
  discount: Money;
  /** What the wallet was debited (when the provider reports it). */
  deduction: Money | null;
  clientReference: string | null;
  walletId: number | null;
  status: VoucherOrderStatus;
  message: string | null;
  email: string | null;
  vouchers: VoucherCode[];
  transactionId: number | null;
  failure: OrderFailure | null;
  createdAt: Date | null;
}

export interface InputField {
  name: string;
  label: string | null;
  required: boolean;
  pattern: string | null;
}

export interface TopupProduct {
  id: number;
  name: string;
  type: "GAMING" | "MOBILE" | "UTILITY";
  countryCode: string;
  currency: string;
  imageUrl: string | null;
  inputFields: InputField[] | null;
}

export interface TopupVariant {
  id: number;
  productId: number;
  name: string;
  category: "Airtime" | "Data" | "Bundle";
  fixedAmounts: Money[] | null;
  min: Money | null;
  max: Money | null;
}

export interface OperatorGuess {
  productId: number;
  name: string;
  countryCode: string;
  identified: boolean;
}

export type TopupOrderStatus = "PENDING" | "DELIVERED" | "FAILED" | "CANCELLED" | "RECHARGED";

export interface TopupOrder {
  id: number;
  clientReference: string | null;
  productId: number;
  productName: string;
  variantName: string | null;
  category: string | null;
  countryCode: string;
  /** What the wallet paid. */
  amount: Money;
  /** The face value asked for, when reported. */
  requested: Money | null;
  walletId: number | null;
  status: TopupOrderStatus;
  statusText: string | null;
  transactionId: number | null;
  failure: OrderFailure | null;
  notificationEmail: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export interface EsimVariant {
  id: number;
  productId: number;
  name: string | null;
  price: Money;
  dataAmountGb: number;
  validityDays: number;
}

export interface EsimProduct {
  id: number;
  name: string;
  countryCode: string;
  currency: string;
  imageUrl: string | null;
  variants: EsimVariant[] | null;
}

export type EsimOrderStatus = "PENDING" | "DELIVERED" | "FAILED" | "CANCELLED";

export interface EsimOrder {
  id: number;
  clientReference: string | null;
  status: EsimOrderStatus;
  productId: number | null;
  productName: string;
  countryCode: string;
  dataAmountGb: number;
  validityDays: number;
  amount: Money;
  requested: Money | null;
  walletId: number | null;
  /** Only on detail/create, and only while the eSIM is not installed. */
  activationCode: string | null;
  iccid: string | null;
  activationStatus: "NOT_INSTALLED" | "ACTIVE" | "EXPIRED";
  isInstalled: boolean;
  installedAt: Date | null;
  activatedAt: Date | null;
  transactionId: number | null;
  failure: OrderFailure | null;
  notificationEmail: string | null;
  createdAt: Date;
}

export interface Wallet {
  id: number;
  currencyId: number;
  balance: Money;
  type: "PREPAID" | "POSTPAID";
}

export interface WalletTransaction {
  id: number;
  walletId: number;
  amount: Money;
  type: "CREDIT" | "DEBIT";
  status: "COMPLETED" | "PENDING" | "FAILED";
  remarks: string;
  /** Cross-currency debits: the order's currency, the rate and the conversion charge (wallet currency). */
  sourceCurrency: string | null;
  forexRate: number | null;
  conversionCharges: Money | null;
  createdAt: Date;
}

export type Vertical = "vouchers" | "topups" | "esim";
export type OrderOf<V extends Vertical> = V extends "vouchers"
  ? VoucherOrder
  : V extends "topups"
    ? TopupOrder
    : EsimOrder;
