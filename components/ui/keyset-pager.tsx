import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { withParams } from "@/lib/url/search-params";

/** "Newest" (or firstLabel) / "Older" links for a keyset-paginated list whose filters live in the URL. */
export function KeysetPager({
  path,
  filters,
  cursor,
  nextCursor,
  olderLabel,
  firstLabel = "Newest",
}: {
  path: string;
  filters: Record<string, string | undefined>;
  cursor: string | undefined;
  nextCursor: string | null;
  olderLabel: string;
  firstLabel?: string;
}) {
  return (
    <div className="mt-4 flex gap-2">
      {cursor ? (
        <Link href={withParams(path, filters)} className={buttonClass("secondary")}>
          {firstLabel}
        </Link>
      ) : null}
      {nextCursor ? (
        <Link href={withParams(path, { ...filters, cursor: nextCursor })} className={buttonClass("secondary")}>
          {olderLabel}
        </Link>
      ) : null}
    </div>
  );
}
