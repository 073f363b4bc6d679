import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * A quote that already became an order: which one (or, when only its reference is known, the
 * orders list filtered by it), what happened to it, and no way to confirm it again.
 */
export function AlreadyConfirmedNotice({
  orderId,
  reference,
  outcome,
  children,
}: {
  orderId?: string;
  reference?: string;
  outcome?: string;
  children?: ReactNode;
}) {
  const href = orderId ? `/orders/${orderId}` : `/orders?q=${encodeURIComponent(reference ?? "")}`;
  return (
    <div>
      <p role="alert" className="text-sm" data-testid="quote-already-confirmed">
        This quote was already confirmed and became{" "}
        <Link href={href} className="underline">
          this order
        </Link>
        ; confirming it again cannot place another. Open the order to see how it went before you order again.
      </p>
      {outcome ? (
        <p className="mt-2 text-sm" data-testid="quote-order-outcome">
          {outcome}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-3">
        <Link href={href} className={buttonClass("primary")}>
          Open the order
        </Link>
        {children}
      </div>
    </div>
  );
}
