import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/drizzle/schema/auth";
import { payments } from "@/drizzle/schema/payments";
import type { DbOrTx } from "@/lib/platform/db/types";
import { isFinalPaymentStatus, type PaymentStatus } from "./payment-status";

/**
 * Any 8-4-4-4-12 hex id (what Postgres accepts as a uuid). Checked before querying, so a
 * malformed id in a URL is a plain "not found" and never a database cast error.
 */
export const paymentIdSchema = z.guid();

export function parsePaymentId(value: string): string | null {
  const parsed = paymentIdSchema.safeParse(value);
  return parsed.success ? parsed.data.toLowerCase() : null;
}

export type PaymentDetail = typeof payments.$inferSelect & {
  createdByUser: { email: string; name: string } | null;
};

/** One payment with the user who created it (null for payments first seen at the provider). */
export async function getPaymentDetail(db: DbOrTx, paymentId: string): Promise<PaymentDetail | null> {
  const [row] = await db
    .select({ payment: payments, creatorEmail: users.email, creatorName: users.name })
    .from(payments)
    .leftJoin(users, eq(users.id, payments.createdBy))
    .where(eq(payments.id, paymentId))
    .limit(1);
  if (!row) return null;
  return {
    ...row.payment,
    createdByUser:
      row.creatorEmail !== null && row.creatorName !== null ? { email: row.creatorEmail, name: row.creatorName } : null,
  };
}

/** What the detail page polls while a payment is not final (GET /api/payments/[id]). */
export interface PaymentStatusSummary {
  id: string;
  status: PaymentStatus;
  providerStatus: string | null;
  /** Minor units as a decimal string: JSON has no bigint. */
  capturedMinor: string;
  currency: string;
  statusChangedAt: string;
  updatedAt: string;
  isFinal: boolean;
}

export function toStatusSummary(
  payment: Pick<
    typeof payments.$inferSelect,
    "id" | "status" | "providerStatus" | "capturedMinor" | "currency" | "statusChangedAt" | "updatedAt"
  >,
): PaymentStatusSummary {
  return {
    id: payment.id,
    status: payment.status,
    providerStatus: payment.providerStatus,
    capturedMinor: payment.capturedMinor.toString(),
    currency: payment.currency,
    statusChangedAt: payment.statusChangedAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
    isFinal: isFinalPaymentStatus(payment.status),
  };
}

export async function getPaymentStatusSummary(db: DbOrTx, paymentId: string): Promise<PaymentStatusSummary | null> {
  const [row] = await db
    .select({
      id: payments.id,
      status: payments.status,
      providerStatus: payments.providerStatus,
      capturedMinor: payments.capturedMinor,
      currency: payments.currency,
      statusChangedAt: payments.statusChangedAt,
      updatedAt: payments.updatedAt,
    })
    .from(payments)
    .where(eq(payments.id, paymentId))
    .limit(1);
  return row ? toStatusSummary(row) : null;
}
