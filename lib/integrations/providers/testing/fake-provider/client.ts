import { randomUUID } from "node:crypto";
import { FakePayError } from "./errors";

export type FakePayStatus = "open" | "paid" | "failed";

export interface FakePayPayment {
  id: string;
  key: string;
  amountMinor: bigint;
  currency: string;
  reference: string;
  status: FakePayStatus;
}

export interface FakePayRefund {
  id: string;
  key: string;
  paymentId: string;
  amountMinor: bigint;
  status: "refunded";
}

/** FakePay's whole API, in memory: idempotent by key like a real provider, and never on the network. */
export class FakePayClient {
  private readonly payments = new Map<string, FakePayPayment>();
  private readonly refunds = new Map<string, FakePayRefund>();

  async createPayment(input: Omit<FakePayPayment, "id" | "status">): Promise<FakePayPayment> {
    const earlier = [...this.payments.values()].find((p) => p.key === input.key);
    if (earlier) return { ...earlier };
    const payment: FakePayPayment = { ...input, id: `fp_${randomUUID()}`, status: "open" };
    this.payments.set(payment.id, payment);
    return { ...payment };
  }

  async getPayment(id: string): Promise<FakePayPayment> {
    const payment = this.payments.get(id);
    if (!payment) throw new FakePayError("not_found", `FakePay has no payment ${id}`);
    return { ...payment };
  }

  /** The customer paying on FakePay's page. */
  pay(id: string): void {
    const payment = this.payments.get(id);
    if (!payment) throw new Error(`no FakePay payment ${id}`);
    payment.status = "paid";
  }

  async refund(input: { key: string; paymentId: string; amountMinor: bigint }): Promise<FakePayRefund> {
    const earlier = this.refunds.get(input.key);
    if (earlier) return { ...earlier };
    const payment = await this.getPayment(input.paymentId);
    const refunded = [...this.refunds.values()]
      .filter((r) => r.paymentId === payment.id)
      .reduce((sum, r) => sum + r.amountMinor, 0n);
    if (payment.status !== "paid" || refunded + input.amountMinor > payment.amountMinor)
      throw new FakePayError("refused", `FakePay refuses to refund ${input.amountMinor} of ${payment.id}`);
    const refund: FakePayRefund = { ...input, id: `fr_${randomUUID()}`, status: "refunded" };
    this.refunds.set(refund.key, refund);
    return { ...refund };
  }

  async getRefund(key: string): Promise<FakePayRefund | undefined> {
    const refund = this.refunds.get(key);
    return refund && { ...refund };
  }
}
