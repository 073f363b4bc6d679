import { NextResponse, type NextRequest } from "next/server";
import { appUrl, env } from "@/lib/platform/env";
import { requestIdFrom, requestIdHeader } from "@/lib/platform/log/request-id";
import { contentSecurityPolicy, newNonce, nonceHeader } from "@/lib/platform/security/content-security-policy";
import { strictTransportSecurity } from "@/lib/platform/security/strict-transport-security";
import {
  displayZoneCookie,
  displayZoneCookieMaxAgeSeconds,
  zoneToRemember,
} from "@/lib/platform/time-zone/display-zone";

// Set here, at request time: next.config.ts headers() are fixed at build time, before PROVIDER_MODE/APP_URL are known.
const hsts = strictTransportSecurity({ mode: env.PROVIDER_MODE, appUrl });

/**
 * A fresh CSP nonce per page request (Next.js puts it on its own scripts when it finds the
 * policy in the request headers), and the request id every log line of the request carries (the
 * caller's `x-request-id` when well-formed, else a new one; echoed on the response). Nothing here
 * authorizes anything: every page, action and route handler checks the session itself.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(nonceHeader, nonce);
  requestHeaders.set("content-security-policy", policy);
  const requestId = requestIdFrom(request.headers.get(requestIdHeader));
  requestHeaders.set(requestIdHeader, requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  response.headers.set(requestIdHeader, requestId);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  // A page opened with a time zone (`?tz=`) remembers it, so pages reached from the menu show times in it too.
  const zone = zoneToRemember(request.nextUrl.searchParams.get("tz"), request.cookies.get(displayZoneCookie)?.value);
  if (zone) {
    response.cookies.set(displayZoneCookie, zone, {
      path: "/",
      maxAge: displayZoneCookieMaxAgeSeconds,
      sameSite: "lax",
      httpOnly: true,
      secure: request.nextUrl.protocol === "https:",
    });
  }
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
