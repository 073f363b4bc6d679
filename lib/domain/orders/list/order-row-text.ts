/**
 * How an order's reconciliation facts read in the list and the CSV: one function per fact, so the
 * page and the export say the same thing.
 */

/** Input field names that could hold a secret: never shown as the recipient, whatever a product declares. */
const secretFieldName = /pass|pin|secret|token|otp|cvv|cvc|key|code/i;

const humanize = (name: string) => {
  const words = name.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * Who the order was for, from what it was placed with (orders.details): the topup's input values
 * (a phone number alone, other fields with their name) and the notification email. Null when the
 * order names no recipient (a voucher without an email).
 */
export function recipientText(details: Record<string, unknown>): string | null {
  const parts: string[] = [];
  const inputData = details.inputData;
  if (inputData && typeof inputData === "object") {
    for (const [name, value] of Object.entries(inputData)) {
      if (typeof value !== "string" || value.trim() === "" || secretFieldName.test(name)) continue;
      parts.push(name === "phone_number" ? value.trim() : `${humanize(name)} ${value.trim()}`);
    }
  }
  if (typeof details.email === "string" && details.email.trim() !== "") parts.push(details.email.trim());
  return parts.length ? parts.join("; ") : null;
}

/** The provider's stored failure reason as one sentence: capitalised and ending in a full stop. */
export function failureSentence(reason: string | null): string | null {
  const text = reason?.trim();
  if (!text) return null;
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** "2 of 4" once the provider has said how many items it delivered; null before. */
export function deliveredText(deliveredQuantity: number | null, quantity: number): string | null {
  return deliveredQuantity === null ? null : `${deliveredQuantity} of ${quantity}`;
}

const esimStatusLabels: Record<string, string> = {
  NOT_INSTALLED: "Not installed",
  ACTIVE: "Installed, active",
  EXPIRED: "Expired",
};

/**
 * An eSIM's activation state as last seen from the provider, in words; a state we do not know is
 * shown as the provider spelt it rather than hidden. Null for other verticals and eSIMs not yet seen.
 */
export function esimStatusText(activationStatus: string | null): string | null {
  if (!activationStatus) return null;
  return esimStatusLabels[activationStatus] ?? activationStatus;
}
