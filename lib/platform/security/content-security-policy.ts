/**
 * The dashboard's Content-Security-Policy. Scripts run only with this request's nonce
 * ('strict-dynamic' lets those scripts load Next.js chunks), so an injected inline script does
 * not run. Styles keep 'unsafe-inline': React style attributes need it and styles cannot run code.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // Dev mode needs eval for fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable and new for every request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The request header the proxy passes the nonce to server components in. */
export const nonceHeader = "x-nonce";
