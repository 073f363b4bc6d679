import { headers } from "next/headers";
import { newRequestId, requestIdFrom, requestIdHeader } from "@/lib/platform/log/request-id";

/** The id proxy.ts gave this request (a server action's); a fresh one when there is no request (a test, a script). */
export async function currentRequestId(): Promise<string> {
  try {
    return requestIdFrom((await headers()).get(requestIdHeader));
  } catch {
    return newRequestId();
  }
}

/** A route handler's request id: the one proxy.ts forwarded or the caller sent, when well-formed. */
export function requestIdOf(request: Request): string {
  return requestIdFrom(request.headers.get(requestIdHeader));
}
