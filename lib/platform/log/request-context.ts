import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line of one request (or one background job run) carries. */
export interface RequestContext {
  /** A request's id, or a job run's id (`job:<name>:<uuid>`). */
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` with `context` on every log line it writes, however deep the calls go. */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
