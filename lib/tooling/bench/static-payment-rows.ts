import type { PaymentListRow } from "@/lib/domain/payments/list/query";

const start = Date.UTC(2026, 10, 1, 12, 0, 0);

/** 50 fixed rows shaped like a real payments page (the static benchmark floor renders them). */
export const staticPaymentRows: PaymentListRow[] = Array.from({ length: 50 }, (_, i) => {
  const checkout = i % 3 !== 2;
  const createdAt = new Date(start - i * 3_600_000);
  const hex = (i + 1).toString(16).padStart(12, "0");
  return {
    id: `00000000-0000-4000-8000-${hex}`,
    createdAt,
    createdAtExact: createdAt.toISOString().replace("Z", "000Z"),
    statusChangedAt: createdAt,
    provider: checkout ? "checkout" : "octo",
    flow: checkout ? "checkout_api" : "octo",
    status: i % 10 < 7 ? "captured" : "pending",
    providerStatus: i % 10 < 7 ? "Captured" : "Pending",
    amountMinor: BigInt(10_000 + i * 137),
    capturedMinor: i % 10 < 7 ? BigInt(10_000 + i * 137) : 0n,
    refundedMinor: i % 10 === 0 ? 5_000n : 0n,
    currency: checkout ? "HKD" : "UZS",
    reference: `ORD-${String(i).padStart(8, "0")}`,
    providerPaymentId: checkout ? `pay_${hex.padStart(26, "0")}` : `00000000-0000-4000-9000-${hex}`,
    customerEmail: `customer${i}@example.test`,
    customerName: `Customer ${i}`,
  };
});
