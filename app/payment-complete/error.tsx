"use client";

import { RouteError } from "@/components/shell/route-error";

/** The customer's return page failed: they have no dashboard to go back to, and their payment stands either way. */
export default function PaymentCompleteError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main>
      <RouteError
        error={error}
        retry={retry}
        advice="If you finished paying, the merchant will see it in a moment; nothing was taken twice. You can close this window."
        homeHref={null}
      />
    </main>
  );
}
