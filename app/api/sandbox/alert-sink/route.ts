import { getDb } from "@/lib/platform/db/client";
import { isSandbox } from "@/lib/platform/env";
import { receiveSinkWebhook, sandboxJsonResponse } from "@/lib/integrations/sandbox/mount";

export const dynamic = "force-dynamic";

/** The sandbox's built-in receiver for the app's signed alert webhooks (sandbox mode only). */
export async function POST(request: Request): Promise<Response> {
  if (!isSandbox) return sandboxJsonResponse(404, { error: "not found" });
  return receiveSinkWebhook(request, getDb());
}
