import { log } from "./logger";
import { requestIdFrom, requestIdHeader } from "./request-id";

/** What Next.js tells instrumentation's onRequestError about the request that failed. */
export interface FailedRequest {
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A server error a page, action or route handler did not handle, logged with the digest the error
 * boundary shows the user ("quote reference …"), so an administrator can find this line from it.
 */
export function logRequestError(
  error: unknown,
  request: FailedRequest,
  context: { routerKind: string; routePath: string; routeType: string },
): void {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  const incoming = request.headers[requestIdHeader];
  log.error(
    {
      requestId: requestIdFrom(typeof incoming === "string" ? incoming : undefined),
      digest,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "request failed",
  );
}
