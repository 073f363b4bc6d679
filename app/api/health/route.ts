import { sql } from "drizzle-orm";
import { getDb } from "@/lib/platform/db/client";

export const dynamic = "force-dynamic";

/** Readiness: the database answers. Public on purpose (load balancers, Playwright), reveals nothing. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: "ok" });
  } catch (error) {
    console.error("[health]", error);
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
