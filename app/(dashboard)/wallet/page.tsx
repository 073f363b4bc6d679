import type { Metadata } from "next";
import { capabilityPlaceholder } from "@/components/shell/capability-placeholder";

export const metadata: Metadata = { title: "Wallet" };

export default capabilityPlaceholder({
  title: "Wallet",
  permission: "wallet:read",
  description: "Prepaid wallet balances and every movement in our ledger.",
  arrivesWith: "the orders and wallet capability",
});
