import { formatMinor } from "@/lib/platform/money/convert";
import { isKnownCurrency } from "@/lib/platform/money/currency";

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

type Detail = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/**
 * Stored fields a finance user reads as a phrase, each with the keys it uses up. Keys that only
 * repeat the sentence (provider, flow, sync and import markers, our error class) are left out.
 */
const phrases: { keys: string[]; say: (d: Detail) => string | null }[] = [
  {
    keys: ["amountMinor", "currency"],
    say: (d) => {
      const currency = text(d.currency);
      const minor = text(d.amountMinor);
      if (!currency || !minor || !/^-?\d+$/.test(minor)) return null;
      return isKnownCurrency(currency)
        ? `Amount ${formatMinor(BigInt(minor), currency)}.`
        : `Amount ${minor} minor units of ${currency}.`;
    },
  },
  { keys: ["amount"], say: (d) => text(d.amount) && `Amount ${text(d.amount)}.` },
  {
    keys: ["currencySource"],
    say: (d) => (d.currencySource === "staff" ? "The currency was given by staff, as OCTO does not say it." : null),
  },
  { keys: ["reference"], say: (d) => text(d.reference) && `Reference ${text(d.reference)}.` },
  { keys: ["message"], say: (d) => text(d.message) && `${text(d.message)}.`.replace(/\.\.$/, ".") },
  { keys: ["error"], say: (d) => text(d.error) && `${text(d.error)}.`.replace(/\.\.$/, ".") },
  {
    keys: ["httpStatus"],
    say: (d) => (typeof d.httpStatus === "number" ? `The answer was HTTP ${d.httpStatus}.` : null),
  },
  {
    keys: ["providerPaymentId"],
    say: (d) => text(d.providerPaymentId) && `Provider payment ID ${text(d.providerPaymentId)}.`,
  },
  {
    keys: ["providerStatus"],
    say: (d) => text(d.providerStatus) && `The provider's own status: ${text(d.providerStatus)}.`,
  },
  {
    keys: ["eventType", "eventId"],
    say: (d) => text(d.eventType) && `Event ${text(d.eventType)}${text(d.eventId) ? ` (${text(d.eventId)})` : ""}.`,
  },
  { keys: ["setupId"], say: (d) => text(d.setupId) && `Setup ID ${text(d.setupId)}.` },
  {
    keys: ["octopusReady"],
    say: (d) =>
      d.octopusReady === true
        ? "Octopus can be paid with it."
        : d.octopusReady === false
          ? "Octopus is not offered by it yet."
          : null,
  },
  { keys: ["idempotencyKey"], say: (d) => text(d.idempotencyKey) && `Idempotency key ${text(d.idempotencyKey)}.` },
  {
    keys: ["inStep"],
    say: (d) =>
      d.inStep === true
        ? "Our record was in step with the provider."
        : d.inStep === false
          ? "Our record differed from the provider's."
          : null,
  },
  { keys: ["requestId"], say: (d) => text(d.requestId) && `The provider's request ID ${text(d.requestId)}.` },
  { keys: ["by"], say: (d) => text(d.by) && `Recorded by the ${text(d.by)}.` },
];

const silentKeys = new Set(["apiCalls", "provider", "flow", "sync", "import", "code", "outcome", "currencySource"]);

/** Any other key, split into words ("shopRefundId" → "shop refund id"). */
const wordsOf = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();

const valueWords = (value: string | number | boolean | null): string =>
  value === true ? "yes" : value === false ? "no" : value === null ? "none" : String(value);

/**
 * An event's jsonb detail as a line of short sentences ("Event payment_captured (evt_…). Provider
 * payment ID pay_…."), with any field we have no phrase for as "its words: value"; when it holds
 * anything nested (a list of differences, say) the whole detail is also offered pretty-printed as
 * the raw payload. Provider calls (apiCalls) are shown on their own, not here.
 */
export function describeEventDetail(detail: Detail | null): { detail: string | null; rawPayload: string | null } {
  if (!detail) return { detail: null, rawPayload: null };
  const used = new Set(silentKeys);
  const parts: string[] = [];
  for (const phrase of phrases) {
    const said = phrase.say(detail);
    if (said) {
      parts.push(said);
      for (const key of phrase.keys) used.add(key);
    }
  }
  const entries = Object.entries(detail).filter(([key]) => key !== "apiCalls");
  for (const [key, value] of entries)
    if (!used.has(key) && isScalar(value)) parts.push(`${wordsOf(key)}: ${valueWords(value)}.`);
  const nested = entries.some(([, value]) => !isScalar(value));
  return {
    detail: parts.length ? parts.join(" ") : null,
    rawPayload: nested ? JSON.stringify(Object.fromEntries(entries), null, 2) : null,
  };
}
