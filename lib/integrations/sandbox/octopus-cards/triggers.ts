/**
 * [OURS] simulator-only test triggers on client_reference (providers.md §3.12 #8). Each is a
 * prefix, so tests can keep references unique: "SIM_FAIL_PLAN_UNAVAILABLE-7" still triggers.
 */
export const failureCodes = {
  INVALID_RECIPIENT: { userFixable: true, reason: "The recipient (player id or phone number) is not valid" },
  PLAN_UNAVAILABLE: { userFixable: true, reason: "The selected plan is not available right now" },
  AMOUNT_OUT_OF_RANGE: { userFixable: true, reason: "The amount is outside the range the operator accepts" },
  OPERATOR_REJECTED: { userFixable: false, reason: "The operator rejected the order" },
  RECOVERY_EXHAUSTED: { userFixable: false, reason: "Fulfilment could not be completed after repeated attempts" },
} as const;

export type FailureCode = keyof typeof failureCodes;

export type Trigger =
  | { kind: "none" }
  | { kind: "fail"; code: FailureCode }
  | { kind: "pending" }
  | { kind: "slow" }
  /** Vouchers only [OURS]: exercise order.cancelled / order.partially_delivered. */
  | { kind: "cancel" }
  | { kind: "partial" };

export function triggerOf(clientReference: string | undefined): Trigger {
  if (!clientReference) return { kind: "none" };
  for (const code of Object.keys(failureCodes) as FailureCode[]) {
    if (clientReference.startsWith(`SIM_FAIL_${code}`)) return { kind: "fail", code };
  }
  if (clientReference.startsWith("SIM_PENDING")) return { kind: "pending" };
  if (clientReference.startsWith("SIM_SLOW")) return { kind: "slow" };
  if (clientReference.startsWith("SIM_CANCEL")) return { kind: "cancel" };
  if (clientReference.startsWith("SIM_PARTIAL")) return { kind: "partial" };
  return { kind: "none" };
}

export function failureFields(code: FailureCode) {
  return {
    failure_code: code,
    failure_reason: failureCodes[code].reason,
    is_user_fixable: failureCodes[code].userFixable,
  };
}

export const noFailure = { failure_code: null, failure_reason: null, is_user_fixable: null } as const;
