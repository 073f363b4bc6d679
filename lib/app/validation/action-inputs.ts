import { z } from "zod";
import { controlCharacterRule, isTypedText } from "./text";

/** Inputs of the small server actions ("use server" files may export only async functions). */
export const signOutInput = z.object({});

/** The step-up dialog's answer: a six-digit authenticator code, or one of the recovery codes. */
export const confirmStepUpInput = z.object({
  kind: z.enum(["totp", "recovery_code"], { error: "must be an authenticator code or a recovery code" }),
  code: z
    .string()
    .trim()
    .min(1, "is required")
    .max(64, "must be at most 64 characters")
    .refine((value) => isTypedText(value), controlCharacterRule),
});

/** Asks only whether this session's second factor is fresh (before starting a download). */
export const checkStepUpInput = z.object({});

/** One code (its number on the order page, from 1) or, without codeNumber, all of them. */
export const revealVoucherCodeInput = z.object({
  orderId: z.uuid("must be an order id"),
  codeNumber: z.coerce
    .number({ error: "must be a code number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(5000, "must be at most 5000")
    .optional(),
});

export const revealEsimActivationInput = z.object({ orderId: z.uuid("must be an order id") });

export const resumePaymentRequestInput = z.object({ paymentId: z.uuid("must be a payment id") });

const refundIds = z
  .union([z.uuid("must be refund ids"), z.array(z.uuid("must be refund ids"))], { error: "must be refund ids" })
  .transform((value) => [...new Set(Array.isArray(value) ? value : [value])])
  .refine((ids) => ids.length >= 1 && ids.length <= 50, "must name between 1 and 50 refunds");

export const syncRefundsInput = z.object({ refundIds });
export const endStepUpInput = z.object({});
