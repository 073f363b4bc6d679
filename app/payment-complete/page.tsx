import type { Metadata } from "next";
import { customerReturnResultOf } from "@/lib/domain/payments/request/customer-return";

export const metadata: Metadata = { title: "Payment" };

const messages = {
  paid: { title: "Thank you", body: "Your payment went through. You can close this window." },
  not_paid: {
    title: "Your payment did not go through",
    body: "It was declined, cancelled or it expired, and nothing was taken. You can close this window, or ask the merchant for a new payment link.",
  },
  unknown: {
    title: "You are back from the payment page",
    body: "If you finished paying, the merchant will see it in a moment. If you did not, nothing was taken; you can ask the merchant for a new payment link.",
  },
} as const;

/**
 * Where the providers send the customer back after paying. It is public and shows nothing from
 * the ledger (the outcome reaches the dashboard by webhook); it says only what the address the
 * provider chose tells (Checkout.com's success or failure URL), never "thank you" after a decline.
 */
export default async function PaymentCompletePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const result = customerReturnResultOf((await searchParams).result);
  const message = messages[result ?? "unknown"];
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <h1 className="text-xl font-semibold">{message.title}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{message.body}</p>
    </main>
  );
}
