import { listAudit } from "@/lib/domain/audit/list-audit";
import { requirePermission } from "@/lib/domain/auth/current-user";
import { getDb } from "@/lib/platform/db/client";
import { errorResponse, validationResponse } from "@/lib/platform/http/route-errors";
import { auditFiltersSchema } from "@/lib/app/validation/audit";

export const dynamic = "force-dynamic";

/** JSON view of the audit log for admins' tooling; same DAL and the same permission as the page. */
export async function GET(request: Request) {
  try {
    await requirePermission("audit:read");
    const parsed = auditFiltersSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return validationResponse(parsed.error);
    const page = await listAudit(getDb(), parsed.data);
    return Response.json({ rows: page.rows, nextCursor: page.nextCursor });
  } catch (error) {
    return errorResponse(error, "GET /api/audit");
  }
}
