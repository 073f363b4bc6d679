import { auditActorFor, requirePermission } from "@/lib/domain/auth/current-user";
import { requireFreshSecondFactor } from "@/lib/domain/auth/step-up-checks";
import { getDb } from "@/lib/platform/db/client";
import { validationResponse } from "@/lib/platform/http/route-errors";
import { parseOrderListParams } from "./params";

/**
 * What both orders downloads (the CSV and its control totals) check first: orders:read, the
 * list's filters (an invalid one refused with 422 rather than ignored; a page cursor dropped:
 * a download covers every page), and a fresh second factor. Throws AppError as the checks do.
 */
export async function openOrdersDownload(request: Request) {
  const user = await requirePermission("orders:read");
  const searchParams = new URL(request.url).searchParams;
  searchParams.delete("cursor");
  const parsed = parseOrderListParams(searchParams);
  if (parsed.error) return { ok: false, refused: validationResponse(parsed.error) } as const;
  const db = getDb();
  await requireFreshSecondFactor(db, user);
  return { ok: true, db, actor: await auditActorFor(user), filters: parsed.filters, params: parsed.params } as const;
}

/** A CSV attachment's headers: never cached, never sniffed into something else. */
export function csvAttachmentHeaders(filename: string): HeadersInit {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}
