"use client";

import { RouteError } from "@/components/shell/route-error";

/** A failure of any dashboard page: inside the shell, so the navigation stays. */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} />;
}
