/** The header a request id travels in: from a load balancer or client, and from proxy.ts to the handlers. */
export const requestIdHeader = "x-request-id";

// Long enough to be unique, short and plain enough that a forged header cannot smuggle text into a log line.
const wellFormed = /^[A-Za-z0-9._:-]{8,128}$/;

/** The incoming id when it is well-formed, else a fresh one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && wellFormed.test(incoming) ? incoming : newRequestId();
}

export function newRequestId(): string {
  return crypto.randomUUID();
}
