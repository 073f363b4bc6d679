import { sql } from "drizzle-orm";
import { getDb } from "@/lib/platform/db/client";
import { log } from "@/lib/platform/log/logger";

export const dynamic = "force-dynamic";

/** Readiness: the database answers. Public on purpose (load balancers, Playwright), reveals nothing. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: "ok" });
  } catch (error) {
    log.error({ err: error }, "health check: the database did not answer");
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
