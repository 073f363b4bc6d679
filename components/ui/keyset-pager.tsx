import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { withParams } from "@/lib/platform/url/search-params";

/**
 * First / previous / next links for a keyset-paginated list whose filters live in the URL. Each
 * link carries one opaque `cursor`: the list's own cursor codec says which way it points, so a
 * previous page costs what any page does.
 */
export function KeysetPager({
  path,
  filters,
  cursor,
  nextCursor,
  previousCursor,
  olderLabel,
  firstLabel = "Newest",
  previousLabel = "Previous page",
}: {
  path: string;
  filters: Record<string, string | undefined>;
  cursor: string | undefined;
  nextCursor: string | null;
  /** The cursor of the page before this one; null or absent on the first page (or where the list has none). */
  previousCursor?: string | null;
  olderLabel: string;
  firstLabel?: string;
  previousLabel?: string;
}) {
  if (!cursor && !nextCursor) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap gap-2">
      {cursor ? (
        <Link href={withParams(path, filters)} className={buttonClass("secondary")}>
          {firstLabel}
        </Link>
      ) : null}
      {cursor && previousCursor ? (
        <Link
          href={withParams(path, { ...filters, cursor: previousCursor })}
          className={buttonClass("secondary")}
          rel="prev"
        >
          {previousLabel}
        </Link>
      ) : null}
      {nextCursor ? (
        <Link
          href={withParams(path, { ...filters, cursor: nextCursor })}
          className={buttonClass("secondary")}
          rel="next"
        >
          {olderLabel}
        </Link>
      ) : null}
    </nav>
  );
}
