import { env } from "@/lib/platform/env";
import { isInsideTransaction } from "./open-transactions";
import { log } from "@/lib/platform/log/logger";

/**
 * Strict: a call made inside a transaction throws. Vitest's integration setup and `next dev`
 * are strict, so a violation fails loudly where it is written; elsewhere it is logged (a
 * production request should not fail for it, but the log names the call).
 */
let strict = env.NODE_ENV === "development";

export function setNoNetworkInTransactionStrict(value: boolean): void {
  strict = value;
}

export class NetworkInsideTransactionError extends Error {
  constructor(what: string) {
    super(
      `${what} was called inside a database transaction: fetch from the network first, then open one transaction to record the result`,
    );
    this.name = "NetworkInsideTransactionError";
  }
}

/** Called by every outbound path (provider transports and SDKs) before it goes out. */
export function assertNoOpenTransaction(what: string): void {
  if (!isInsideTransaction()) return;
  const error = new NetworkInsideTransactionError(what);
  if (strict) throw error;
  log.error({ err: error }, error.message);
}
