/**
 * HSTS for the live dashboard when its public origin is https: browsers then refuse plain
 * http to this host (and its subdomains) for a year, so a network attacker cannot strip TLS
 * from a later visit. A year is the minimum the preload lists accept; `preload` itself is left
 * to the operator (it is hard to undo). Sandbox mode and http origins send nothing: a header
 * on localhost would pin every local app on that host to https.
 */
export const hstsValue = "max-age=31536000; includeSubDomains";

export function strictTransportSecurity(options: { mode: "sandbox" | "live"; appUrl: string }): string | null {
  if (options.mode !== "live") return null;
  return new URL(options.appUrl).protocol === "https:" ? hstsValue : null;
}
