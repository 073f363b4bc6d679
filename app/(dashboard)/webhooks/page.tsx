import type { Metadata } from "next";
import { capabilityPlaceholder } from "@/components/shell/capability-placeholder";

export const metadata: Metadata = { title: "Webhooks" };

export default capabilityPlaceholder({
  title: "Webhooks",
  permission: "webhooks:read",
  description: "Every provider webhook received, with its signature verdict and outcome.",
  arrivesWith: "the payments ledger",
});
