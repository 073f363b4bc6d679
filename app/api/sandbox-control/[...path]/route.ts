import { handleSandboxControlRoute } from "@/lib/sandbox/next-transport";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

const handler = async (request: Request, context: Context) => handleSandboxControlRoute(request, await context.params);

export { handler as DELETE, handler as GET, handler as POST };
