import type { OrderVertical } from "@/lib/domain/orders/order-status";

export const verticalLabels: Record<OrderVertical, string> = { voucher: "Voucher", topup: "Topup", esim: "eSIM" };
