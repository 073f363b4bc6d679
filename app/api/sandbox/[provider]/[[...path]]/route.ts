import { handleSandboxRoute } from "@/lib/sandbox/next-transport";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ provider: string; path?: string[] }> };

const handler = async (request: Request, context: Context) => handleSandboxRoute(request, await context.params);

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
