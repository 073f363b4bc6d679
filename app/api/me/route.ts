import { getCurrentUser } from "@/lib/domain/auth/current-user";
import { permissionsOf } from "@/lib/domain/auth/permissions";
import { errorResponse } from "@/lib/platform/http/route-errors";
import { AppError } from "@/lib/platform/errors";

export const dynamic = "force-dynamic";

/** The signed-in user and what their role may do (the browser hides controls with this). */
export async function GET() {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    return Response.json({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      permissions: permissionsOf(user.role),
    });
  } catch (error) {
    return errorResponse(error, "GET /api/me");
  }
}
