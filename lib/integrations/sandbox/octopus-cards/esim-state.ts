import { randomBytes, randomInt } from "node:crypto";
import { timings } from "./constants";
import type { FailureCode } from "./triggers";

export type EsimStatus = "PENDING" | "DELIVERED" | "FAILED" | "CANCELLED";
export type ActivationStatus = "NOT_INSTALLED" | "ACTIVE" | "EXPIRED";

/** providers.md §3.9 order object plus [OURS] product/variant ids, wallet, requested_* and failure fields. */
export interface EsimOrderWire {
  id: number;
  client_reference: string | null;
  status: EsimStatus;
  product_id: number;
  product_name: string;
  variant_id: number;
  country_code: string;
  data_amount_gb: number;
  validity_days: number;
  amount: number;
  currency: string;
  requested_amount: number;
  requested_currency: string;
  wallet_id: number;
  activation_code: string | null;
  iccid: string | null;
  activation_status: ActivationStatus;
  is_installed: boolean;
  installed_at: string | null;
  activated_at: string | null;
  expires_at: string | null;
  transaction_id: number;
  failure_code: FailureCode | null;
  failure_reason: string | null;
  is_user_fixable: boolean | null;
  notification_email: string | null;
  created_at: string;
}

/** An LPA string and a 19-digit ICCID (mock, not installable). */
export function mockEsimCredentials() {
  const digits = Array.from({ length: 12 }, () => randomInt(0, 10)).join("");
  return {
    activation_code: `LPA:1$smdp.sandbox.octopuscards.test$${randomBytes(8).toString("hex").toUpperCase()}`,
    iccid: `8985200${digits}`,
  };
}

/**
 * [OURS] the sandbox "installs" a delivered eSIM 1 hour of sandbox time after delivery (first
 * use = activation), and it expires validity_days after that (providers.md §3.9 lifecycle).
 */
export function refreshInstallState(order: EsimOrderWire, deliveredAt: string | null, now: Date): EsimOrderWire {
  if (order.status !== "DELIVERED" || !deliveredAt) return order;
  const installedAt = new Date(new Date(deliveredAt).getTime() + timings.esimInstallMs);
  if (now < installedAt) return order;
  const expiresAt = new Date(installedAt.getTime() + order.validity_days * 86_400_000);
  return {
    ...order,
    is_installed: true,
    installed_at: installedAt.toISOString(),
    activated_at: installedAt.toISOString(),
    expires_at: expiresAt.toISOString(),
    activation_status: now >= expiresAt ? "EXPIRED" : "ACTIVE",
  };
}

/** Detail: activation_code and iccid only while not installed (one-time install security). */
export function esimDetailWire(order: EsimOrderWire) {
  if (!order.is_installed) return order;
  const { activation_code: _code, iccid: _iccid, ...rest } = order;
  void _code;
  void _iccid;
  return rest;
}

/** List: never activation_code. */
export function esimListWire(order: EsimOrderWire) {
  const { activation_code: _code, ...rest } = order;
  void _code;
  return rest;
}
