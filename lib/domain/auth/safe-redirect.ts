/**
 * The path to send a browser to after sign-in, taken from a `callbackUrl` someone else may have
 * written. The value is parsed the way the browser will parse it (`new URL(value, origin)`: a
 * backslash is a slash, tabs and newlines vanish) and kept only when it lands on our origin;
 * what is returned is the path alone, so the browser cannot read it as another host.
 * Used on the server (actions) and the client alike: no Node or Next imports.
 */
export function safeRedirectPath(value: string | null | undefined, origin: string, fallback = "/"): string {
  if (!value) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(value, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "/.//host" resolves to the path "//host", which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  // Back to the sign-in steps would loop; they are no place to land.
  if (path === "/sign-in" || path.startsWith("/sign-in/") || path.startsWith("/sign-in?")) return fallback;
  return path;
}
