/** What one lifecycle did and saw: printed with the seed when an invariant breaks. */
export interface LifecycleTrace {
  kind: "refund" | "order";
  summary: string;
  outcomes: string[];
  /** Errors of the attempts that are not answers (not an AppError). */
  unexpected: string[];
  /** Reconciler checks that threw (logged and retried by design; a fault on a read does this). */
  checkErrors: string[];
  /** Reconciler cycles until quiescent; null when items were still open after the bound. */
  settleCycles: number | null;
  paymentIds: string[];
  refundIds: string[];
  orderIds: string[];
  /** Wall time of the lifecycle's parts (printed in the summary, never asserted). */
  timingsMs: { setup: number; attempts: number; settle: number };
  /** Idempotency keys / client references the attempts used. */
  keys: string[];
}
