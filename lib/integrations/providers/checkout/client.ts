import { Checkout } from "checkout-sdk-node";
import type { z } from "zod";
import { assertNoOpenTransaction } from "@/lib/platform/db/no-network-in-transaction";
import type { CheckoutConfig } from "@/lib/integrations/providers/config";
import { elapsedMsSince } from "@/lib/platform/log/provider-call";
import { noteProviderExchange } from "../exchange-recording";
import { keepableBody } from "../provider-exchange";
import { CheckoutError, toCheckoutError } from "./errors";
import {
  toCheckoutPayment,
  toOctopusPaymentStarted,
  toPaymentAction,
  toPaymentSetup,
  toRefundAccepted,
} from "./mappers";
import {
  octopusPaymentAcceptedSchema,
  paymentActionsSchema,
  paymentDetailsSchema,
  paymentSetupSchema,
  refundAcceptedSchema,
} from "./schemas";
import type {
  CheckoutPayment,
  CheckoutPaymentAction,
  CheckoutPaymentSetup,
  OctopusPaymentInput,
  OctopusPaymentStarted,
  PaymentSetupInput,
  RefundAccepted,
  RefundInput,
} from "./types";

/** checkout-sdk-node 5.2.1 ships a stale .d.ts for PaymentSetups (only `request`); these are its real methods. */
interface PaymentSetupsApi {
  createAPaymentSetup(body: object): Promise<unknown>;
  updateAPaymentSetup(id: string, body: object): Promise<unknown>;
  getAPaymentSetup(id: string): Promise<unknown>;
  confirmAPaymentSetup(id: string, paymentMethodName: string): Promise<unknown>;
}

export const defaultCheckoutTimeoutMs = 15_000;

/** Amounts go to Checkout as integers in minor units; refuse what a JSON number cannot carry exactly. */
function toApiAmount(minor: bigint): number {
  if (minor < 0n || minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new CheckoutError({
      code: "invalid_request",
      message: `amount ${minor} is outside what Checkout.com accepts`,
      outcome: "rejected",
    });
  }
  return Number(minor);
}

/**
 * The SDK's default (fetch) transport ignores its `timeout` option, so every call also races a
 * deadline here. On expiry the outcome is unknown: the request may still reach Checkout.
 */
function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("ApiTimeout"), { name: "ApiTimeout" })), timeoutMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** What an exchange record says we sent: method, path and JSON body (headers are never recorded). */
interface WireRequest {
  method: "GET" | "POST" | "PUT";
  path: string;
  body?: object;
}

/** The answer body an SDK error carries (Checkout's error_type / error_codes), if any. */
function sdkErrorBodyOf(error: unknown): unknown {
  return typeof error === "object" && error !== null && "body" in error ? (error as { body: unknown }).body : undefined;
}

const setupBody = (input: PaymentSetupInput) => ({
  ...(input.amountMinor !== undefined && { amount: toApiAmount(input.amountMinor) }),
  // The SDK refuses a body without a known currency before sending, so one is always given.
  currency: input.currency ?? "HKD",
  ...(input.reference !== undefined && { reference: input.reference }),
  ...(input.description !== undefined && { description: input.description }),
  ...(input.customer && { customer: input.customer }),
  ...((input.successUrl !== undefined || input.failureUrl !== undefined) && {
    settings: {
      ...(input.successUrl !== undefined && { success_url: input.successUrl }),
      ...(input.failureUrl !== undefined && { failure_url: input.failureUrl }),
    },
  }),
});

/** Our Checkout.com client: the official SDK underneath, zod-checked answers, domain types out. */
export function createCheckoutClient(config: CheckoutConfig, options: { timeoutMs?: number } = {}) {
  const timeoutMs = options.timeoutMs ?? defaultCheckoutTimeoutMs;
  const sdkWith = (headers?: Record<string, string>) =>
    new Checkout(config.secretKey, { host: config.baseUrl, timeout: timeoutMs, headers });
  const sdk = sdkWith();
  const setups = (api: Checkout) => api.paymentSetups as unknown as PaymentSetupsApi;

  const keep = (value: unknown) =>
    value === undefined ? null : keepableBody(JSON.stringify(value), [config.secretKey]);

  /** Notes the call for the timeline of the step that made it: bodies redacted, never headers (they carry the key). */
  function note(
    operation: string,
    request: WireRequest,
    answer: { status: number | null; body: unknown; failure: string | null; started: number },
  ) {
    noteProviderExchange({
      provider: "checkout",
      operation,
      method: request.method,
      path: request.path,
      request: keep(request.body),
      status: answer.status,
      response: keep(answer.body),
      failure: answer.failure,
      durationMs: elapsedMsSince(answer.started),
    });
  }

  async function call<S extends z.ZodType, R>(
    operation: string,
    request: WireRequest,
    schema: S,
    send: () => Promise<unknown>,
    map: (body: z.infer<S>) => R,
  ): Promise<R> {
    assertNoOpenTransaction(`Checkout.com ${request.method} ${request.path}`);
    let body: unknown;
    const started = performance.now();
    try {
      body = await withDeadline(send(), timeoutMs);
    } catch (error) {
      const failure = toCheckoutError(error, operation);
      note(operation, request, {
        status: failure.httpStatus,
        body: sdkErrorBodyOf(error),
        failure: failure.message,
        started,
      });
      throw failure;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const failure = new CheckoutError({
        code: "invalid_response",
        message: `${operation}: unexpected answer from Checkout.com`,
        outcome: "unknown",
        cause: parsed.error,
      });
      note(operation, request, { status: null, body, failure: failure.message, started });
      throw failure;
    }
    // The SDK hands back the parsed body only, not the HTTP status.
    note(operation, request, { status: null, body, failure: null, started });
    return map(parsed.data);
  }

  return {
    /** POST /payments with an Octopus source: 202 Pending; send the customer to landingUrl. */
    async requestOctopusPayment(input: OctopusPaymentInput, idempotencyKey: string): Promise<OctopusPaymentStarted> {
      const body = {
        amount: toApiAmount(input.amountMinor),
        currency: input.currency,
        source: { type: "octopus" },
        success_url: input.successUrl,
        failure_url: input.failureUrl,
        reference: input.reference,
        processing_channel_id: config.processingChannelId,
        ...(input.description !== undefined && { description: input.description }),
        ...(input.metadata && { metadata: input.metadata }),
        ...(input.customer && { customer: input.customer }),
      };
      return call(
        "request payment",
        { method: "POST", path: "/payments", body },
        octopusPaymentAcceptedSchema,
        () => sdk.payments.request(body, idempotencyKey),
        toOctopusPaymentStarted,
      );
    },

    async createPaymentSetup(input: PaymentSetupInput): Promise<CheckoutPaymentSetup> {
      const body = { processing_channel_id: config.processingChannelId, ...setupBody(input) };
      return call(
        "create payment setup",
        { method: "POST", path: "/payments/setups", body },
        paymentSetupSchema,
        () => setups(sdk).createAPaymentSetup(body),
        toPaymentSetup,
      );
    },

    async getPaymentSetup(setupId: string): Promise<CheckoutPaymentSetup> {
      return call(
        "get payment setup",
        { method: "GET", path: `/payments/setups/${setupId}` },
        paymentSetupSchema,
        () => setups(sdk).getAPaymentSetup(setupId),
        toPaymentSetup,
      );
    },

    async updatePaymentSetup(setupId: string, input: PaymentSetupInput): Promise<CheckoutPaymentSetup> {
      const body = setupBody(input);
      return call(
        "update payment setup",
        { method: "PUT", path: `/payments/setups/${setupId}`, body },
        paymentSetupSchema,
        () => setups(sdk).updateAPaymentSetup(setupId, body),
        toPaymentSetup,
      );
    },

    /**
     * POST /payments/setups/{id}/confirm/octopus. The SDK method takes no idempotency key, so a
     * one-off SDK instance sends it as a default header.
     */
    async confirmPaymentSetupOctopus(setupId: string, idempotencyKey: string): Promise<OctopusPaymentStarted> {
      const api = sdkWith({ "Cko-Idempotency-Key": idempotencyKey });
      return call(
        "confirm payment setup",
        { method: "POST", path: `/payments/setups/${setupId}/confirm/octopus` },
        octopusPaymentAcceptedSchema,
        () => setups(api).confirmAPaymentSetup(setupId, "octopus"),
        toOctopusPaymentStarted,
      );
    },

    async getPayment(paymentId: string): Promise<CheckoutPayment> {
      return call(
        "get payment",
        { method: "GET", path: `/payments/${paymentId}` },
        paymentDetailsSchema,
        () => sdk.payments.get(paymentId) as Promise<unknown>,
        toCheckoutPayment,
      );
    },

    /** Latest first, as Checkout returns them. */
    async getPaymentActions(paymentId: string): Promise<CheckoutPaymentAction[]> {
      return call(
        "get payment actions",
        { method: "GET", path: `/payments/${paymentId}/actions` },
        paymentActionsSchema,
        () => sdk.payments.getActions(paymentId),
        (actions) => actions.map(toPaymentAction),
      );
    },

    /** POST /payments/{id}/refunds: 202 with the refund's action id; the outcome arrives by webhook. */
    async refundPayment(paymentId: string, input: RefundInput, idempotencyKey: string): Promise<RefundAccepted> {
      const body = {
        ...(input.amountMinor !== undefined && { amount: toApiAmount(input.amountMinor) }),
        ...(input.reference !== undefined && { reference: input.reference }),
        ...(input.metadata && { metadata: input.metadata }),
      };
      return call(
        "refund payment",
        { method: "POST", path: `/payments/${paymentId}/refunds`, body },
        refundAcceptedSchema,
        () => sdk.payments.refund(paymentId, body, idempotencyKey),
        toRefundAccepted,
      );
    },
  };
}

export type CheckoutClient = ReturnType<typeof createCheckoutClient>;
