import { NextResponse, type NextRequest } from "next/server";
import { appUrl, env } from "@/lib/env";
import { contentSecurityPolicy, newNonce, nonceHeader } from "@/lib/security/content-security-policy";
import { strictTransportSecurity } from "@/lib/security/strict-transport-security";

// Set here, at request time: next.config.ts headers() are fixed at build time, before PROVIDER_MODE/APP_URL are known.
const hsts = strictTransportSecurity({ mode: env.PROVIDER_MODE, appUrl });

/**
 * A fresh CSP nonce per page request (Next.js puts it on its own scripts when it finds the
 * policy in the request headers). Nothing here authorizes anything: every page, action and
 * route handler checks the session itself.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(nonceHeader, nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the sandboxes' customer pages (they stand in for third-party sites), nor static files,
      // nor the webhook receivers: providers' servers read no HTML, so a nonce per delivery would
      // be work on the ingestion path for nothing.
      source: "/((?!api/sandbox/|api/webhooks/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
