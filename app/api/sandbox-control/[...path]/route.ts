import { requirePermission } from "@/lib/domain/auth/current-user";
import { appUrl, env, isSandbox } from "@/lib/platform/env";
import { getDb } from "@/lib/platform/db/client";
import { errorResponse } from "@/lib/platform/http/route-errors";
import { dueRefundChecksNow } from "@/lib/domain/refunds/reconcile/due-checks-now";
import {
  controlTokenAccess,
  controlTokenRefusedBody,
  handleSandboxControlRoute,
  sandboxJsonResponse as jsonResponse,
} from "@/lib/integrations/sandbox/mount";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

/**
 * The sandbox's clock, faults and webhook log change what every user sees, so they need an
 * admin session or `Authorization: Bearer <SANDBOX_CONTROL_TOKEN>` (scripts and tests). Live
 * mode has no sandbox: 404 before any check.
 */
const handler = async (request: Request, context: Context) => {
  if (!isSandbox) return jsonResponse(404, { error: "not found" });
  const access = controlTokenAccess(request, env.SANDBOX_CONTROL_TOKEN);
  if (access === "refused") return jsonResponse(401, controlTokenRefusedBody, { "www-authenticate": "Bearer" });
  if (access === "absent") {
    try {
      await requirePermission("sandbox:control");
    } catch (error) {
      return errorResponse(error, "sandbox-control");
    }
  }
  const params = await context.params;
  const response = await handleSandboxControlRoute(request, params, { enabled: isSandbox, db: getDb, appUrl });
  // Time moved for the providers: our reconciler's next looks are due too (see dueRefundChecksNow).
  if (request.method === "POST" && params.path.join("/") === "clock/advance" && response.ok)
    await dueRefundChecksNow(getDb());
  return response;
};

export { handler as DELETE, handler as GET, handler as POST };
