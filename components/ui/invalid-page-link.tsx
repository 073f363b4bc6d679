import Link from "next/link";

/**
 * What a list page shows for a page cursor we never wrote (edited, truncated or crafted): one
 * sentence and the way back, inside the app shell, instead of a list that would pretend to
 * continue from somewhere.
 */
export function InvalidPageLink({ firstPageHref }: { firstPageHref: string }) {
  return (
    <div
      role="alert"
      data-testid="invalid-page-link"
      className="mb-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-200"
    >
      <p>This page link is not valid; start again from the first page.</p>
      <Link href={firstPageHref} className="mt-1 inline-block font-medium underline">
        Go to the first page
      </Link>
    </div>
  );
}
