import { requirePermission } from "@/lib/auth/current-user";
import { env, isSandbox } from "@/lib/env";
import { errorResponse } from "@/lib/http/route-errors";
import { controlTokenAccess, controlTokenRefusedBody } from "@/lib/sandbox/control-access";
import { jsonResponse } from "@/lib/sandbox/core/http";
import { handleSandboxControlRoute } from "@/lib/sandbox/next-transport";

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
  return handleSandboxControlRoute(request, await context.params);
};

export { handler as DELETE, handler as GET, handler as POST };
