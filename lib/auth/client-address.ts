/**
 * The client address as seen by the app. `next start` and any reverse proxy put the peer in
 * x-forwarded-for; the first entry is the original client. Deployments must make their edge
 * overwrite (not append to) this header, or a client could choose the address it is throttled by.
 */
export function clientAddressFrom(get: (name: string) => string | null | undefined): string {
  const forwarded = get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || get("x-real-ip")?.trim() || "unknown";
}
