import { getDb } from "@/lib/platform/db/client";
import { appUrl, isSandbox } from "@/lib/platform/env";
import { handleSandboxRoute } from "@/lib/integrations/sandbox/mount";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ provider: string; path?: string[] }> };

const handler = async (request: Request, context: Context) =>
  handleSandboxRoute(request, await context.params, { enabled: isSandbox, db: getDb, appUrl });

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
