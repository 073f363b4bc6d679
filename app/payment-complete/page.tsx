import type { Metadata } from "next";

export const metadata: Metadata = { title: "Payment" };

/**
 * Where the providers send the customer back after paying (success and failure alike). It is
 * public and shows nothing from the ledger: the outcome reaches the dashboard by webhook.
 */
export default function PaymentCompletePage() {
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <h1 className="text-xl font-semibold">Thank you</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Your payment has been submitted. You can close this window.</p>
    </main>
  );
}
