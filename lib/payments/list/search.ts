/**
 * What the search box `q` looks for. Every kind is answered by an index (see the payments
 * schema), either exactly or as a prefix, never by a "contains" scan:
 * - a full UUID: our payment id, or an OCTO payment UUID (exact);
 * - `pay_…`: a Checkout.com payment id (prefix, case-insensitive);
 * - text with an `@`: a customer email (prefix, case-insensitive);
 * - anything else: a reference or the start of a customer email (prefix, case-insensitive).
 */
export type PaymentSearch =
  | { kind: "uuid"; value: string }
  | { kind: "provider_id"; prefix: string }
  | { kind: "email"; prefix: string }
  | { kind: "text"; prefix: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function classifySearch(raw: string): PaymentSearch {
  const text = raw.trim();
  const lower = text.toLowerCase();
  if (uuidPattern.test(text)) return { kind: "uuid", value: lower };
  if (lower.startsWith("pay_")) return { kind: "provider_id", prefix: lower };
  if (text.includes("@")) return { kind: "email", prefix: lower };
  return { kind: "text", prefix: lower };
}

/** LIKE pattern for "starts with", with the wildcards in the user's text taken literally. */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
