import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { ThemeScript } from "@/components/shell/theme-script";
import { nonceHeader } from "@/lib/platform/security/content-security-policy";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Payments Ops", template: "%s · Payments Ops" },
  description: "Payments, refunds and wallet orders for finance and ops teams.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, which per-request CSP nonces need anyway.
  const nonce = (await headers()).get(nonceHeader) ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
