import { log } from "./logger";

/** What one provider call's log line may say: where it went and how it ended, never a body or a header. */
export interface ProviderCallLine {
  provider: string;
  /** Our name for the call ("refund payment"), when the client gives one. */
  operation?: string;
  method: string;
  path: string;
  status: number | null;
  failed: boolean;
  /** From sending the request to having the answer (or the failure). */
  durationMs: number;
}

/** Milliseconds since `started` (a performance.now() reading), whole. */
export const elapsedMsSince = (started: number): number => Math.round(performance.now() - started);

export function logProviderCall(call: ProviderCallLine): void {
  const outcome = `${call.failed ? "failed" : "answered"}${call.status === null ? "" : ` HTTP ${call.status}`}`;
  log.info(
    { ...call, event: "provider_call" },
    `${call.provider} ${call.method} ${call.path}: ${outcome} in ${call.durationMs} ms`,
  );
}
