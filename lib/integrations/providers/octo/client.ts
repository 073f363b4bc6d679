import type { OctoConfig } from "@/lib/integrations/providers/config";
import { fromOctoAmount, toOctoAmount, type OctoCurrency } from "./amounts";
import { OctoError } from "./errors";
import { octoAcceptDataSchema, octoPaymentDataSchema, octoRefundDataSchema, type OctoPaymentData } from "./schemas";
import { formatOctoTime } from "./time";
import { postOcto, type OctoTransportOptions } from "./transport";
import type {
  OctoAcceptResult,
  OctoPayment,
  OctoRefund,
  PrepareOctoPaymentInput,
  RefundOctoPaymentInput,
  SetOctoAcceptInput,
} from "./types";

export interface OctoClientOptions {
  /** Per-request timeout; default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type OctoClient = ReturnType<typeof createOctoClient>;

function readAmount(value: number | string | null | undefined, currency: OctoCurrency): bigint | null {
  if (value === null || value === undefined) return null;
  try {
    return fromOctoAmount(value, currency);
  } catch (cause) {
    throw new OctoError(`OCTO sent an amount that is not exact in ${currency}`, {
      code: null,
      outcome: "unknown",
      cause,
    });
  }
}

function toPayment(data: OctoPaymentData, currency: OctoCurrency): OctoPayment {
  return {
    shopTransactionId: data.shop_transaction_id,
    octoPaymentUuid: data.octo_payment_UUID,
    status: data.status,
    payUrl: data.octo_pay_url ?? null,
    currency,
    totalMinor: readAmount(data.total_sum, currency),
    refundedMinor: readAmount(data.refunded_sum, currency),
  };
}

/**
 * Typed OCTO client. Authentication travels in every body (octo_shop_id + octo_secret); amounts
 * are bigint minor units here and OCTO decimals on the wire. Responses carry no currency, so
 * methods that read amounts take the payment's currency.
 */
export function createOctoClient(config: OctoConfig, options: OctoClientOptions = {}) {
  const transport: OctoTransportOptions = {
    baseUrl: config.baseUrl,
    secret: config.secret,
    timeoutMs: options.timeoutMs ?? 10_000,
    fetch: options.fetch ?? fetch,
  };
  const auth = { octo_shop_id: config.shopId, octo_secret: config.secret };

  return {
    /** Creates the payment, or returns the existing one: OCTO fixes everything at the first call per shop_transaction_id. */
    async preparePayment(input: PrepareOctoPaymentInput): Promise<OctoPayment> {
      const body = {
        ...auth,
        shop_transaction_id: input.shopTransactionId,
        auto_capture: input.autoCapture,
        test: input.test,
        init_time: formatOctoTime(input.initTime ?? new Date()),
        user_data: input.userData && {
          user_id: input.userData.userId,
          phone: input.userData.phone,
          email: input.userData.email,
        },
        total_sum: toOctoAmount(input.totalMinor, input.currency),
        currency: input.currency,
        description: input.description,
        basket: input.basket?.map((item) => ({
          position_desc: item.positionDesc,
          count: item.count,
          price: toOctoAmount(item.priceMinor, input.currency),
          spic: item.spic,
        })),
        payment_methods: input.paymentMethods?.map((method) => ({ method })),
        return_url: input.returnUrl,
        notify_url: input.notifyUrl,
        language: input.language,
        ttl: input.ttlMinutes,
      };
      return toPayment(await postOcto(transport, "prepare_payment", body, octoPaymentDataSchema), input.currency);
    },

    /** The documented status check: prepare_payment with only the shop id, secret and shop_transaction_id. */
    async checkPaymentStatus(shopTransactionId: string, currency: OctoCurrency): Promise<OctoPayment> {
      const data = await postOcto(
        transport,
        "prepare_payment",
        { ...auth, shop_transaction_id: shopTransactionId },
        octoPaymentDataSchema,
      );
      return toPayment(data, currency);
    },

    /** Captures (all, or final_amount) or cancels a two-stage payment in waiting_for_capture. */
    async setAccept(input: SetOctoAcceptInput): Promise<OctoAcceptResult> {
      const body = {
        ...auth,
        octo_payment_UUID: input.octoPaymentUuid,
        accept_status: input.acceptStatus,
        final_amount:
          input.finalAmountMinor === undefined ? undefined : toOctoAmount(input.finalAmountMinor, input.currency),
      };
      const data = await postOcto(transport, "set_accept", body, octoAcceptDataSchema);
      return {
        ...toPayment(data, input.currency),
        transferMinor: readAmount(data.transfer_sum, input.currency),
        payedTime: data.payed_time ?? null,
      };
    },

    /** Refunds part or all of a succeeded payment; repeating a shop_refund_id returns that refund's current state. */
    async refund(input: RefundOctoPaymentInput): Promise<OctoRefund> {
      const body = {
        octo_shop_id: config.shopId,
        shop_refund_id: input.shopRefundId,
        octo_secret: config.secret,
        octo_payment_UUID: input.octoPaymentUuid,
        amount: toOctoAmount(input.amountMinor, input.currency),
      };
      const data = await postOcto(transport, "refund", body, octoRefundDataSchema);
      return {
        octoPaymentUuid: data.octo_payment_UUID,
        refundId: data.refund_id,
        refundTime: data.refund_time ?? null,
        status: data.status,
      };
    },
  };
}
