"use client";

import { RouteError } from "@/components/shell/route-error";

/** A failure of an orders page: the merchant must learn whether an order went through before ordering again. */
export default function OrdersError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <RouteError
      error={error}
      retry={retry}
      advice="If you were placing an order, open Orders and check whether it is listed before you order again."
      homeHref="/orders"
      homeLabel="Open Orders"
    />
  );
}
