import { and, asc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { sandboxFaults } from "../db/schema";
import type { Database } from "@/lib/platform/db/types";
import { sandboxProviderNames, type SandboxProviderName } from "./provider-names";

/**
 * What the next matching request suffers:
 * - delay: answer normally after delayMs;
 * - timeout: hold the request for delayMs (default 30 s), then drop the connection, never processed;
 * - http_500 / http_502 / http_503 / http_429: answer that status, never processed;
 * - reset: drop the connection at once, never processed;
 * - lost_response: process the request (the provider commits it), then drop the connection.
 */
export const faultKinds = [
  "delay",
  "timeout",
  "http_500",
  "http_502",
  "http_503",
  "http_429",
  "reset",
  "lost_response",
] as const;
export type FaultKind = (typeof faultKinds)[number];

export const faultSpecSchema = z.object({
  provider: z.enum(sandboxProviderNames),
  kind: z.enum(faultKinds),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).optional(),
  pathContains: z.string().min(1).max(500).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  count: z.number().int().min(1).max(1000).default(1),
});
export type FaultSpec = z.input<typeof faultSpecSchema>;

export interface Fault {
  id: number;
  kind: FaultKind;
  delayMs: number | null;
}

export async function queueFault(db: Database, spec: FaultSpec): Promise<number> {
  const parsed = faultSpecSchema.parse(spec);
  const [row] = await db
    .insert(sandboxFaults)
    .values({
      provider: parsed.provider,
      kind: parsed.kind,
      method: parsed.method ?? null,
      pathContains: parsed.pathContains ?? null,
      delayMs: parsed.delayMs ?? null,
      remaining: parsed.count,
    })
    .returning({ id: sandboxFaults.id });
  if (!row) throw new Error("fault insert returned no row");
  return row.id;
}

export async function clearFaults(db: Database, provider?: SandboxProviderName): Promise<void> {
  await db.delete(sandboxFaults).where(provider ? eq(sandboxFaults.provider, provider) : undefined);
}

/** Takes one use of the oldest fault matching this request, atomically (concurrent requests never share one use). */
export async function takeFault(
  db: Database,
  provider: SandboxProviderName,
  method: string,
  path: string,
): Promise<Fault | null> {
  return db.transaction(async (tx) => {
    const candidates = await tx
      .select()
      .from(sandboxFaults)
      .where(and(eq(sandboxFaults.provider, provider), gt(sandboxFaults.remaining, 0)))
      .orderBy(asc(sandboxFaults.id))
      .for("update");
    const match = candidates.find(
      (fault) =>
        (!fault.method || fault.method === method) && (!fault.pathContains || path.includes(fault.pathContains)),
    );
    if (!match) return null;
    await tx
      .update(sandboxFaults)
      .set({ remaining: sql`${sandboxFaults.remaining} - 1` })
      .where(eq(sandboxFaults.id, match.id));
    return { id: match.id, kind: match.kind as FaultKind, delayMs: match.delayMs };
  });
}
