import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/domain/auth/current-user";

/**
 * The list streams behind loading.tsx, and once streaming starts the status line (200) has been
 * sent: a 403 decided inside the page would arrive as a 200. This layout sits outside that
 * Suspense boundary, so it refuses with a real 403 first; the page checks again itself. The
 * (list) route group keeps the boundary, and this check, off /payments/<id>, /new and /import.
 */
export default async function PaymentsListLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("payments:read");
  return children;
}
