import { paymentProviders } from "@/drizzle/schema/payments";
import type { PaymentProviderProfile } from "@/lib/integrations/providers/provider-profile";
import { paymentProviderProfiles } from "@/lib/integrations/providers/provider-profiles";

/**
 * What the search box `q` looks for. Every kind is answered by an index (see the payments
 * schema), either exactly, as a prefix or as a suffix, never by a "contains" scan:
 * - a full UUID: our payment id, or an OCTO payment UUID (exact);
 * - a provider's payment id prefix (`pay_…` for Checkout.com; from the providers' profiles):
 *   that provider's payment id (prefix, case-insensitive);
 * - text with an `@`: a customer email (prefix, case-insensitive);
 * - anything else: the start of a reference, of a customer email or of a customer name, or the
 *   end of a reference (case-insensitive).
 */
export type PaymentSearch =
  | { kind: "uuid"; value: string }
  | { kind: "provider_id"; prefix: string }
  | { kind: "email"; prefix: string }
  | { kind: "text"; prefix: string };

const idShapes = paymentProviders.map((name) => ({
  label: paymentProviderProfiles[name].label,
  shape: paymentProviderProfiles[name].paymentIdShape as PaymentProviderProfile["paymentIdShape"],
}));
const providerIdPrefixes = idShapes.flatMap(({ shape }) => (shape === "uuid" ? [] : [shape.prefix.toLowerCase()]));

/** The search field's hint: what the search matches, and no more ("Payment id, pay_… or OCTO id, or …"). */
export const paymentSearchHint = `Payment id, ${idShapes
  .map(({ label, shape }) => (shape === "uuid" ? `${label} id` : `${shape.prefix}…`))
  .join(" or ")}, or the start of a reference, customer email or customer name, or the end of a reference`;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function classifySearch(raw: string): PaymentSearch {
  const text = raw.trim();
  const lower = text.toLowerCase();
  if (uuidPattern.test(text)) return { kind: "uuid", value: lower };
  if (providerIdPrefixes.some((prefix) => lower.startsWith(prefix))) return { kind: "provider_id", prefix: lower };
  if (text.includes("@")) return { kind: "email", prefix: lower };
  return { kind: "text", prefix: lower };
}
