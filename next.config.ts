import type { NextConfig } from "next";
// Imported for its side effect: an invalid environment fails the build and start-up early,
// with a message that names the variable.
import "./lib/platform/env";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run dev` opened at http://127.0.0.1:3000 must hydrate too (Next refuses dev resources
  // to origins not listed here), so both local addresses work in development.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        // The sandboxes' customer pages stand in for third-party sites and redirect to the
        // merchant's own URLs, so they do not carry the dashboard's policy. The
        // Content-Security-Policy (with its per-request script nonce) is set in proxy.ts.
        source: "/((?!api/sandbox/).*)",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
