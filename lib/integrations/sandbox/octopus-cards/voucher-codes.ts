import { randomBytes, randomInt } from "node:crypto";

export interface VoucherCode {
  card_number: string;
  pin_code: string;
  claim_url: string | null;
  expires_at: string;
  voucher_reference_number: string | null;
}

const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const group = () => Array.from(randomBytes(4), (b) => alphabet[b % alphabet.length]).join("");

/** Mock, non-redeemable codes ([DOC] "voucher codes are mocks" in sandbox), valid one year. */
export function mockVoucherCodes(productName: string, count: number, now: Date): VoucherCode[] {
  const prefix =
    productName
      .replace(/[^A-Za-z]/g, "")
      .slice(0, 5)
      .toUpperCase() || "VCHR";
  const expiresAt = new Date(now.getTime() + 365 * 86_400_000).toISOString();
  return Array.from({ length: count }, () => ({
    card_number: `${prefix}-${group()}-${group()}-${group()}`,
    pin_code: String(randomInt(0, 10_000)).padStart(4, "0"),
    claim_url: null,
    expires_at: expiresAt,
    voucher_reference_number: `VRN${randomBytes(5).toString("hex").toUpperCase()}`,
  }));
}
