import type { Database, DbOrTx } from "@/lib/platform/db/types";
import type { SandboxProviderName } from "./provider-names";

/** One incoming provider request, as every simulator sees it (framework-free). */
export interface SandboxRequest {
  method: string;
  /** Provider-relative path, e.g. "/payments/pay_x/refunds" (no query string). */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  bodyText: string;
  /** Sandbox time when the request arrived. */
  now: Date;
  db: Database;
  /** The provider's base URL as the client called it, e.g. http://localhost:3000/api/sandbox/checkout. */
  baseUrl: string;
  /** The dashboard's own base URL (where webhooks are delivered by default). */
  appUrl: string;
}

export interface ScheduledEventContext {
  now: Date;
  appUrl: string;
}

/** Runs inside the transaction that marks the event done; must not do HTTP (enqueue webhooks instead). */
export type ScheduledEventHandler = (
  tx: DbOrTx,
  payload: Record<string, unknown>,
  ctx: ScheduledEventContext,
) => Promise<void>;

export interface SandboxProvider {
  name: SandboxProviderName;
  handle(request: SandboxRequest): Promise<Response>;
  /** Handlers for this provider's scheduled events, by kind. */
  events: Record<string, ScheduledEventHandler>;
  /** Delays between webhook delivery attempts (after the first), in ms of sandbox time. */
  webhookRetryDelaysMs: readonly number[];
}
