/** What one lifecycle did and saw: printed with the seed when an invariant breaks. */
export interface LifecycleTrace {
  kind: "refund" | "order";
  summary: string;
  outcomes: string[];
  /** Errors that are not answers (not an AppError), and reconciler checks that threw. */
  unexpected: string[];
  /** Reconciler cycles until quiescent; null when items were still open after the bound. */
  settleCycles: number | null;
  paymentIds: string[];
  refundIds: string[];
  orderIds: string[];
  /** Idempotency keys / client references the attempts used. */
  keys: string[];
}
