/** A failed fetch that keeps its HTTP status, so the query client does not retry 401/403/404. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** 401/403/404: asking again will not help (signed out, role changed, no such item). */
export function isRefusal(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 401 || error.status === 403 || error.status === 404);
}

/**
 * GETs one of our JSON route handlers, uncached. A non-2xx answer becomes an HttpError carrying
 * the handler's own message when it sent one (`{ error: { message } }`), else `failureMessage`.
 */
export async function fetchJson<T>(url: string, signal: AbortSignal, failureMessage: string): Promise<T> {
  const response = await fetch(url, { signal, cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new HttpError(response.status, body?.error?.message ?? `${failureMessage} (HTTP ${response.status}).`);
  }
  return (await response.json()) as T;
}
