"use client";

import { RouteError } from "@/components/shell/route-error";
import "./globals.css";

/** The root layout itself failed: this replaces it, so it brings its own document. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <title>Error · Payments Ops</title>
        <main>
          <RouteError error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
