import type { Metadata } from "next";
import { capabilityPlaceholder } from "@/components/shell/capability-placeholder";

export const metadata: Metadata = { title: "Payments" };

export default capabilityPlaceholder({
  title: "Payments",
  permission: "payments:read",
  description: "Every Checkout.com (Octopus) and OCTO payment in the ledger.",
  arrivesWith: "the payments ledger",
});
