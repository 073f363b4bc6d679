import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/permissions";

/**
 * A page whose capability has not shipped yet: it is guarded like the real page will be (so
 * role tests hold from day one) and says plainly that nothing is here yet.
 */
export function capabilityPlaceholder(config: { title: string; permission: Permission; description: string; arrivesWith: string }) {
  return async function PlaceholderPage() {
    await requirePagePermission(config.permission);
    return (
      <>
        <PageHeader title={config.title} description={config.description} />
        <EmptyState title={`${config.title} is not available yet.`}>It arrives with {config.arrivesWith}.</EmptyState>
      </>
    );
  };
}
