import { log } from "./logger";

/** What one provider call's log line may say: where it went and how it ended, never a body or a header. */
export interface ProviderCallLine {
  provider: string;
  operation: string;
  method: string;
  path: string;
  status: number | null;
  failed: boolean;
  durationMs?: number;
}

export function logProviderCall(call: ProviderCallLine): void {
  const outcome = `${call.failed ? "failed" : "answered"}${call.status === null ? "" : ` HTTP ${call.status}`}`;
  log.info({ ...call, event: "provider_call" }, `${call.provider} ${call.method} ${call.path}: ${outcome}`);
}
