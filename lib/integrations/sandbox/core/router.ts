import type { SandboxRequest } from "./types";

export type RouteHandler = (request: SandboxRequest, params: Record<string, string>) => Promise<Response>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

/** Matches "/payments/:id/refunds"-style patterns; returns null when nothing matches (the provider's 404). */
export function createRouter(routes: ReadonlyArray<[method: string, pattern: string, handler: RouteHandler]>) {
  const table: Route[] = routes.map(([method, pattern, handler]) => ({
    method,
    segments: pattern.split("/").filter(Boolean),
    handler,
  }));
  return function match(
    method: string,
    path: string,
  ): { handler: RouteHandler; params: Record<string, string> } | null {
    const parts = path.split("/").filter(Boolean);
    for (const route of table) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((segment, i) => {
        const part = decodeURIComponent(parts[i] as string);
        if (segment.startsWith(":")) {
          params[segment.slice(1)] = part;
          return true;
        }
        return segment === part;
      });
      if (ok) return { handler: route.handler, params };
    }
    return null;
  };
}
