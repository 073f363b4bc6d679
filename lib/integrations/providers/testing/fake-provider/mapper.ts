import type { PaymentStatus } from "@/lib/domain/payments/payment-status";

const statuses: Record<string, PaymentStatus> = { open: "pending", paid: "captured", failed: "failed" };

export const fakePayStatusOf = (status: string): PaymentStatus | null => statuses[status] ?? null;
