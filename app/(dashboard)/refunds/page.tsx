import type { Metadata } from "next";
import { capabilityPlaceholder } from "@/components/shell/capability-placeholder";

export const metadata: Metadata = { title: "Refunds" };

export default capabilityPlaceholder({
  title: "Refunds",
  permission: "refunds:read",
  description: "Every refund and where it stands in its lifecycle.",
  arrivesWith: "the refunds capability",
});
