import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { RequestPaymentForm } from "@/components/payments/request-payment-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/domain/auth/current-user";

export const metadata: Metadata = { title: "Request payment" };

export default async function RequestPaymentPage() {
  await requirePagePermission("payments:create");
  return (
    <>
      <PageHeader
        title="Request a payment"
        description="Ask a customer to pay by Octopus (Checkout.com, HKD) or through OCTO. You get a QR code and a link to show the customer; the status updates live."
        actions={
          <Link href="/payments" className="text-sm underline">
            Back to payments
          </Link>
        }
      />
      <Card>
        <RequestPaymentForm initialKey={randomUUID()} />
      </Card>
    </>
  );
}
