import { statusOf, paymentUrl, type SimPayment } from "./model";

export interface SimSetupSettings {
  success_url?: string;
  failure_url?: string;
  capture?: boolean;
  excluded_payment_methods?: string[];
}

export interface SimSetup {
  id: string;
  processingChannelId: string;
  amount?: number;
  currency?: string;
  paymentType: string;
  reference?: string;
  description?: string;
  customer?: { email?: string; name?: string };
  settings?: SimSetupSettings;
  latestPaymentId?: string;
}

/**
 * [OURS] Why Octopus is not "ready" on a setup yet, as flags (empty = ready): the docs only say
 * "ready" appears when amount, currency and the settings URLs are present.
 */
export function octopusFlagsOf(setup: SimSetup): string[] {
  const flags: string[] = [];
  if (setup.amount === undefined) flags.push("amount_required");
  else if (setup.amount % 10 !== 0) flags.push("amount_invalid");
  if (setup.currency === undefined) flags.push("currency_required");
  else if (setup.currency !== "HKD") flags.push("currency_not_supported");
  if (!setup.settings?.success_url) flags.push("success_url_required");
  if (!setup.settings?.failure_url) flags.push("failure_url_required");
  if (setup.settings?.excluded_payment_methods?.includes("octopus")) flags.push("payment_method_excluded");
  return flags;
}

/** The PaymentSetup body of create, get and update. */
export function paymentSetupBody(setup: SimSetup, latestPayment: SimPayment | null) {
  const flags = octopusFlagsOf(setup);
  return {
    id: setup.id,
    processing_channel_id: setup.processingChannelId,
    ...(setup.amount !== undefined && { amount: setup.amount }),
    ...(setup.currency !== undefined && { currency: setup.currency }),
    payment_type: setup.paymentType,
    ...(setup.reference !== undefined && { reference: setup.reference }),
    ...(setup.description !== undefined && { description: setup.description }),
    ...(setup.customer && { customer: setup.customer }),
    payment_methods: { octopus: { status: flags.length === 0 ? "ready" : "not_ready", flags } },
    available_payment_methods: ["octopus"],
    ...(setup.settings && { settings: setup.settings }),
    ...(latestPayment && {
      latest_payment: {
        id: latestPayment.id,
        status: statusOf(latestPayment),
        amount: latestPayment.amount,
        currency: latestPayment.currency,
        processed_on: latestPayment.processedOn,
        _links: { self: { href: paymentUrl(latestPayment) } },
      },
    }),
  };
}
