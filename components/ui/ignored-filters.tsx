import type { z } from "zod";

/**
 * Says which URL filters were not valid (and so were not applied), naming each by its parameter
 * (never a path such as status.0) and its rule. `except` leaves out parameters another notice
 * already explains (a refused page cursor).
 */
export function IgnoredFilters({ error, except = [] }: { error: z.ZodError | undefined; except?: string[] }) {
  const issues = error?.issues.filter((issue) => !except.includes(String(issue.path[0]))) ?? [];
  if (issues.length === 0) return null;
  const sentences = [...new Set(issues.map((issue) => `${String(issue.path[0] ?? "filters")} ${issue.message}`))];
  return (
    <p role="alert" className="mb-4 text-sm text-red-600 dark:text-red-400">
      Some filters were ignored: {sentences.join("; ")}.
    </p>
  );
}
