import type { z } from "zod";

/** Says which URL filters were not valid (and so were not applied), naming each and its rule. */
export function IgnoredFilters({ error }: { error: z.ZodError | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="mb-4 text-sm text-red-600 dark:text-red-400">
      Some filters were ignored: {error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}.
    </p>
  );
}
