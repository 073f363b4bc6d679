import { and, eq, min } from "drizzle-orm";
import { refundEvents } from "@/drizzle/schema/refunds";
import { describeProviderFailure } from "@/lib/integrations/providers/provider-failure";
import type { RefundStatus } from "../refund-status";
import type { RefundDeps } from "../send-refund";
import type { RefundFacts, RefundRow } from "../transition-refund";
import { checkFailureSentence } from "./check-failure-sentence";

/** What one look at the provider said about a refund, before it is recorded. */
export interface RefundVerdict {
  /** The status the provider's answer means; null when it decided nothing (yet). */
  to: RefundStatus | null;
  facts: RefundFacts;
  /** What the provider said, kept on the refund event. */
  said: Record<string, unknown>;
  /** Set when a person must look (contradictory answer, key too old to resend). */
  attention?: string;
  /** Set when the provider could not be asked (no answer, or an error answer): a failed check, never "unchanged". */
  failure?: string;
  kind: "polled" | "resent";
}

/** Refunds whose provider call may never have arrived: the only ones sent again (same key). */
export const resendableRefundStatuses: readonly RefundStatus[] = ["requested", "unknown"];

export const failureSaid = (error: unknown) => {
  const failure = describeProviderFailure(error);
  return { failure, said: { error: failure.message, ...failure.detail }, sentence: checkFailureSentence(failure) };
};

/**
 * When the refund was first requested (after approval, for maker-checker refunds), on the
 * provider's clock: its key cannot be older. Refunds from before provider_requested_at existed
 * fall back to their first "requested" event.
 */
export async function requestedAtOf(deps: RefundDeps, refund: RefundRow): Promise<Date> {
  if (refund.providerRequestedAt) return refund.providerRequestedAt;
  const [row] = await deps.db
    .select({ at: min(refundEvents.at) })
    .from(refundEvents)
    .where(and(eq(refundEvents.refundId, refund.id), eq(refundEvents.toStatus, "requested")));
  return row?.at ?? refund.createdAt;
}
