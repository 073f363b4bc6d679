import { z } from "zod";

/** Response schemas: loose objects (Checkout adds fields over time), strict on what we use. */
const link = z.object({ href: z.string() });
const minorAmount = z.number().int().nonnegative();
const timestamp = z.iso.datetime({ offset: true });

export const paymentIdSchema = z.string().regex(/^pay_\w{26}$/);
export const actionIdSchema = z.string().regex(/^act_\w{26}$/);

export const paymentStatusSchema = z.enum([
  "Pending",
  "Authorized",
  "Card Verified",
  "Voided",
  "Partially Captured",
  "Captured",
  "Partially Refunded",
  "Refunded",
  "Declined",
  "Canceled",
  "Expired",
  "Paid",
]);

/** 202 of POST /payments with an Octopus source, and of a setup confirm. */
export const octopusPaymentAcceptedSchema = z.looseObject({
  id: paymentIdSchema,
  status: paymentStatusSchema,
  reference: z.string().optional(),
  processed_on: timestamp.optional(),
  customer: z.looseObject({ id: z.string() }).optional(),
  processing: z.looseObject({ landing_url: z.string(), octopus_uri: z.string(), token: z.string() }),
  _links: z.looseObject({ self: link }),
});

export const balancesSchema = z.looseObject({
  total_authorized: minorAmount,
  total_voided: minorAmount,
  available_to_void: minorAmount,
  total_captured: minorAmount,
  available_to_capture: minorAmount,
  total_refunded: minorAmount,
  available_to_refund: minorAmount,
});

export const paymentDetailsSchema = z.looseObject({
  id: paymentIdSchema,
  requested_on: timestamp,
  source: z.looseObject({ type: z.string() }).optional(),
  amount: minorAmount,
  currency: z.string().length(3),
  reference: z.string().optional(),
  approved: z.boolean(),
  status: paymentStatusSchema,
  balances: balancesSchema.optional(),
  processed_on: timestamp.optional(),
  expires_on: timestamp.optional(),
  _links: z.looseObject({ self: link, actions: link, refund: link.optional() }),
});

export const paymentActionSchema = z.looseObject({
  id: actionIdSchema,
  type: z.enum(["Authorization", "Card Verification", "Void", "Capture", "Refund", "Payout", "Return"]),
  processed_on: timestamp,
  amount: minorAmount,
  approved: z.boolean().optional(),
  response_code: z.string(),
  response_summary: z.string().optional(),
  reference: z.string().optional(),
});

export const paymentActionsSchema = z.array(paymentActionSchema);

export const refundAcceptedSchema = z.looseObject({
  action_id: actionIdSchema,
  reference: z.string().optional(),
  _links: z.looseObject({ payment: link }),
});

export const paymentSetupSchema = z.looseObject({
  id: z.string().regex(/^set_\w{26}$/),
  processing_channel_id: z.string().optional(),
  amount: minorAmount.optional(),
  currency: z.string().length(3).optional(),
  reference: z.string().optional(),
  description: z.string().optional(),
  payment_methods: z.looseObject({
    octopus: z.looseObject({ status: z.string(), flags: z.array(z.string()).optional() }).optional(),
  }),
  available_payment_methods: z.array(z.string()).optional(),
  settings: z.looseObject({ success_url: z.string().optional(), failure_url: z.string().optional() }).optional(),
  latest_payment: z.looseObject({ id: z.string(), status: z.string().optional() }).optional(),
});
