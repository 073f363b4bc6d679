import { paymentProviderLabelOrName } from "@/lib/integrations/providers/provider-labels";
import type { PaymentStatus } from "./payment-status";
import type { RefundStatus } from "@/lib/domain/refunds/refund-status";

/** The provider as a finance user names it, from its profile. */
const providerName = paymentProviderLabelOrName;

/** A status inside a sentence ("was not collected"; never "is needs_attention"). */
function statusWords(status: PaymentStatus | RefundStatus): string {
  return status === "needs_attention" ? "waiting for a person" : status.replaceAll("_", " ");
}

const someone = (actor: string | null) => actor ?? "Someone on the team";

/** Unknown kinds still read as words: "sync_failed" → "Sync failed." */
function kindAsSentence(kind: string): string {
  const words = kind.replaceAll("_", " ").trim();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}.` : "Something was recorded.";
}

export interface PaymentEventFacts {
  kind: string;
  provider: string;
  /** The staff member's name, when one acted. */
  actor: string | null;
  fromStatus: PaymentStatus | null;
  toStatus: PaymentStatus | null;
}

/** What a payment event means, as one sentence in the user's words. */
export function paymentEventSentence({ kind, provider, actor, fromStatus, toStatus }: PaymentEventFacts): string {
  const name = providerName(provider);
  switch (kind) {
    case "created_from_provider":
      return toStatus
        ? `${name} told us about this payment; it was ${statusWords(toStatus)}.`
        : `${name} told us about this payment.`;
    case "status_changed":
      return toStatus
        ? `${name} said the payment was ${statusWords(toStatus)}.`
        : `${name} changed the payment's status.`;
    case "confirmed":
      return toStatus
        ? `${name} confirmed the payment is still ${statusWords(toStatus)}.`
        : `${name} confirmed the payment's status.`;
    case "ignored_out_of_order":
      return toStatus && fromStatus
        ? `${name} said the payment was ${statusWords(toStatus)}, but it is already ${statusWords(fromStatus)}; that older news was ignored.`
        : `${name} sent an older status; it was ignored.`;
    case "requested":
      return `${someone(actor)} requested this payment.`;
    case "setup_created":
      return `${name} created the payment setup.`;
    case "provider_accepted":
      return `${name} accepted the payment request.`;
    case "provider_rejected":
      return `${name} refused the payment request.`;
    case "outcome_unknown":
      return `${name} did not answer the payment request, so its outcome is not known yet.`;
    case "request_resumed":
      return `${someone(actor)} sent the payment request again with the same idempotency key.`;
    case "linked_to_provider":
      return `Our request was linked to the payment ${name} reported.`;
    case "imported":
      return `${someone(actor)} imported this payment from ${name}.`;
    case "synced":
      return `${someone(actor)} synced this payment from ${name}.`;
    case "api_call":
      return `We called ${name}.`;
    default:
      return kindAsSentence(kind);
  }
}

export interface RefundEventFacts {
  kind: string;
  provider: string;
  actor: string | null;
  /** How the refund is named in the sentence: "the refund of HK$50.00". */
  refund: string;
  fromStatus: RefundStatus | null;
  toStatus: RefundStatus | null;
  /** The provider could not be asked (a failed look): set from the event's stored error. */
  unanswered: boolean;
}

/** What the provider's answer about a refund means, by the status it moved to. */
function providerSaid(name: string, refund: string, to: RefundStatus | null): string {
  switch (to) {
    case "pending":
      return `${name} accepted ${refund} and will decide on it.`;
    case "failed":
      return `${name} refused ${refund}.`;
    case "unknown":
      return `${name} did not answer about ${refund}, so its outcome is not known yet.`;
    case null:
      return `${name} answered about ${refund}.`;
    default:
      return `${name} said ${refund} was ${statusWords(to)}.`;
  }
}

/** What a refund event means, as one sentence in the user's words. */
export function refundEventSentence({
  kind,
  provider,
  actor,
  refund,
  fromStatus,
  toStatus,
  unanswered,
}: RefundEventFacts): string {
  const name = providerName(provider);
  const changed = toStatus !== null && toStatus !== fromStatus;
  const capitalised = `${refund.charAt(0).toUpperCase()}${refund.slice(1)}`;
  // We decide that, not the provider: the reason is on the line below the sentence.
  if (changed && toStatus === "needs_attention" && kind !== "ignored_transition")
    return `${capitalised} needs a person's attention.`;
  switch (kind) {
    case "created":
      return toStatus === "awaiting_approval"
        ? `${someone(actor)} asked for ${refund}; it waits for a second person's approval.`
        : `${someone(actor)} requested ${refund}.`;
    case "approved_by_checker":
      return `${someone(actor)} approved ${refund}.`;
    case "rejected_by_checker":
      return `${someone(actor)} rejected ${refund}.`;
    case "sync_requested":
      return `${someone(actor)} asked for ${refund} to be checked with ${name} now.`;
    case "provider_answer":
    // Its webhook got there before our call's answer was recorded: the answer still says the same.
    case "provider_answer_confirmed":
      return providerSaid(name, refund, toStatus);
    case "webhook":
      return providerSaid(name, refund, toStatus);
    case "resent":
      if (unanswered) return `We sent ${refund} to ${name} again with the same key, but got no answer.`;
      return changed && toStatus
        ? `We sent ${refund} to ${name} again with the same key; it is now ${statusWords(toStatus)}.`
        : `We sent ${refund} to ${name} again with the same key.`;
    case "polled":
      if (unanswered) return `We could not get an answer from ${name} about ${refund}.`;
      return changed ? providerSaid(name, refund, toStatus) : `We asked ${name} about ${refund}; nothing has changed.`;
    case "follow_up_opened":
      return `${someone(actor)} recorded a follow-up task for ${refund}; it is still open.`;
    case "follow_up_done":
      return `${someone(actor)} recorded that ${refund} was dealt with another way.`;
    case "too_many_checks":
      return `${capitalised} is still undecided after many checks, so a person must look at it.`;
    case "ignored_transition":
      return toStatus && fromStatus
        ? `${name} said ${refund} was ${statusWords(toStatus)}, but it is already ${statusWords(fromStatus)}; that was ignored.`
        : `A late fact about ${refund} was ignored.`;
    default:
      if (kind.endsWith("_confirmed") && toStatus)
        return `${name} confirmed ${refund} is still ${statusWords(toStatus)}.`;
      return kindAsSentence(kind);
  }
}

export interface WebhookFacts {
  provider: string;
  /** The refund the delivery was about, when it was one of ours: "the refund of HK$50.00". */
  refund: string | null;
  /** False when the delivery could not be read as an event (bad signature or body). */
  readable: boolean;
}

/** A webhook delivery as one sentence: who sent it and what it was about (its event type is shown beside it). */
export function webhookSentence({ provider, refund, readable }: WebhookFacts): string {
  const name = providerName(provider);
  if (!readable) return `${name} sent a webhook we could not accept.`;
  return `${name} sent a webhook about ${refund ?? "this payment"}.`;
}
