import { newRequestId } from "./request-id";
import { withRequestContext } from "./request-context";

/** Runs one pass of a background job (a reconciler pass, a webhook apply) under its own id, like a request. */
export function asJobRun<T>(job: string, work: () => T): T {
  return withRequestContext({ requestId: `job:${job}:${newRequestId()}` }, work);
}
