import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { PaymentProviderName } from "@/drizzle/schema/payments";
import { handleWebhook } from "@/lib/platform/http/webhook-route";
import { applyProviderStatus } from "@/lib/domain/payments/apply-provider-status";
import {
  recordDuplicateReceipt,
  recordReceipt,
  recordRejectedReceipt,
  wasEventSeen,
} from "@/lib/domain/webhooks/receipts";
import type { ProviderWebhookContext } from "../../payment-provider";
import { fakePayStatusOf } from "./mapper";

/** Test-only: the column is text; its type lists the registry's names, which a test provider is not among. */
export const fakePayName = "fakepay" as PaymentProviderName;

export const fakePaySignatureHeader = "x-fakepay-signature";

export const signFakePayBody = (rawBody: string, secret: string) =>
  createHmac("sha256", secret).update(rawBody).digest("hex");

const eventSchema = z.object({
  id: z.string().min(1),
  type: z.literal("payment.updated"),
  payment: z.object({ id: z.string(), status: z.string(), amount_minor: z.string(), currency: z.string() }),
});

function signatureOf(request: Request, rawBody: string, secret: string) {
  const given = request.headers.get(fakePaySignatureHeader);
  if (!given) return "missing" as const;
  const expected = Buffer.from(signFakePayBody(rawBody, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected)
    ? ("valid" as const)
    : ("invalid" as const);
}

/** FakePay's payment.updated events: HMAC-SHA256 of the raw body, hex, in x-fakepay-signature. */
export function fakePayWebhookResponse(request: Request, { db, secret, now = new Date() }: ProviderWebhookContext) {
  return handleWebhook(request, {
    name: fakePayName,
    maxBodyBytes: 64 * 1024,
    what: "event",
    async receive(rawBody) {
      const base = { provider: fakePayName, rawBody, headers: {}, receivedAt: now };
      const signature = signatureOf(request, rawBody, secret);
      const parsed = signature === "valid" ? eventSchema.safeParse(JSON.parse(rawBody)) : null;
      if (!parsed?.success) {
        const detail = signature === "valid" ? "not a FakePay event" : `signature ${signature}`;
        await recordRejectedReceipt(db, { ...base, signature }, detail);
        return { httpStatus: signature === "valid" ? 400 : 401, outcome: "rejected", detail };
      }
      const event = parsed.data;
      const eventBase = { ...base, eventId: event.id, eventType: event.type, signature };
      if (await wasEventSeen(db, fakePayName, event.id)) {
        await recordDuplicateReceipt(db, eventBase);
        return { httpStatus: 200, outcome: "duplicate" };
      }
      const status = fakePayStatusOf(event.payment.status);
      return db.transaction(async (tx) => {
        const applied = status
          ? await applyProviderStatus(
              tx,
              {
                provider: fakePayName,
                providerPaymentId: event.payment.id,
                status,
                providerStatus: event.payment.status,
                amountMinor: BigInt(event.payment.amount_minor),
                currency: event.payment.currency,
              },
              { source: "provider_webhook", at: now, detail: { eventId: event.id } },
            )
          : null;
        const paymentId = applied && "paymentId" in applied ? applied.paymentId : null;
        const outcome = applied?.kind === "out_of_order" ? "ignored_out_of_order" : applied ? "applied" : "ignored";
        await recordReceipt(tx, { ...eventBase, outcome, isFirst: true, paymentId });
        return { httpStatus: 200, outcome };
      });
    },
  });
}
