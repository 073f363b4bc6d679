import type { ActionResult } from "@/lib/actions/action-result";

/** The one status line of a form: announced to screen readers, red on failure. */
export function FormStatus({ result }: { result: ActionResult<unknown> | null }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={`min-h-5 text-sm ${result?.ok === false ? "text-red-600 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}
    >
      {result?.message ?? ""}
    </p>
  );
}
