import type { PaymentProviderName } from "@/drizzle/schema/payments";
import { redactBody, redactedMarker } from "@/lib/platform/security/redact";

/**
 * One HTTP call we made to a provider, as kept in the jsonb detail of the timeline event that
 * records its answer. Bodies are redacted (secret keys by name, and the caller's credential
 * values wherever they appear) and bounded; headers are never kept (they carry the API key).
 */
export interface ProviderExchange {
  provider: PaymentProviderName;
  /** Our name for the call, e.g. "refund payment". */
  operation: string;
  method: string;
  /** Path on the provider's API, e.g. /payments/pay_…/refunds (never a query with credentials). */
  path: string;
  request: string | null;
  /** The HTTP status, when an answer arrived and the client library shows it. */
  status: number | null;
  response: string | null;
  /** Why the call failed, in the client's words; null when it was answered normally. */
  failure: string | null;
  /** From sending to the answer or the failure; absent on calls recorded before it was kept. */
  durationMs?: number;
}

/** [OURS] Enough for any provider answer we parse; a bigger body is cut, never stored whole. */
export const maxKeptBodyChars = 8_000;

/** A body as it may be stored: secrets by key name, then any literal credential value, replaced; then cut to size. */
export function keepableBody(text: string, credentials: readonly string[]): string {
  let kept = redactBody(text);
  for (const credential of credentials) if (credential.length >= 4) kept = kept.split(credential).join(redactedMarker);
  if (kept.length <= maxKeptBodyChars) return kept;
  return `${kept.slice(0, maxKeptBodyChars)}\n… cut short: ${kept.length - maxKeptBodyChars} more characters were not stored`;
}

/** The exchanges of a stored event detail, if it holds any in the expected shape. */
export function exchangesOf(detail: Record<string, unknown> | null): ProviderExchange[] {
  const value = detail?.apiCalls;
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is ProviderExchange =>
      typeof item === "object" &&
      item !== null &&
      typeof (item as ProviderExchange).operation === "string" &&
      typeof (item as ProviderExchange).path === "string",
  );
}

/** An event detail with the calls that led to it, when there were any (a detail without calls stays as it was). */
export function withApiCalls(
  detail: Record<string, unknown>,
  apiCalls: readonly ProviderExchange[],
): Record<string, unknown> {
  return apiCalls.length ? { ...detail, apiCalls } : detail;
}
