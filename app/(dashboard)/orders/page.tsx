import type { Metadata } from "next";
import { capabilityPlaceholder } from "@/components/shell/capability-placeholder";

export const metadata: Metadata = { title: "Orders" };

export default capabilityPlaceholder({
  title: "Orders",
  permission: "orders:read",
  description: "Vouchers, topups and eSIMs ordered against the Octopus Cards wallet.",
  arrivesWith: "the orders capability",
});
