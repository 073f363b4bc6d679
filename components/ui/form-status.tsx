import type { ActionResult } from "@/lib/app/actions/action-result";
import { cn } from "./cn";

/** The one status line of a form: announced to screen readers, red on failure. */
export function FormStatus({ result }: { result: ActionResult<unknown> | null }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={cn(
        "min-h-5 text-sm",
        result?.ok === false ? "text-red-600 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400",
      )}
    >
      {result?.message ?? ""}
    </p>
  );
}
