"use client";

import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { isRefusal } from "@/lib/app/query/fetch-json";

export interface LiveStatusSummary {
  status: string;
  providerStatus: string | null;
  isFinal: boolean;
  updatedAt: string;
}

/**
 * A status kept live by polling (the query decides how often and when to stop) and, when what
 * it reads differs from what the server rendered (status or last update), a re-render of the
 * page so amounts and timelines follow without a manual reload.
 */
export function LiveStatus<T extends LiveStatusSummary, K extends QueryKey>({
  rendered,
  query,
  label,
  testId,
  badge,
}: {
  rendered: T;
  query: UseQueryOptions<T, Error, T, K>;
  label: string;
  testId: string;
  badge: (status: T["status"]) => ReactNode;
}) {
  const router = useRouter();
  const live = useQuery({ ...query, initialData: rendered });
  const data = live.data ?? rendered;
  const { error } = live;

  useEffect(() => {
    if (data.status !== rendered.status || data.updatedAt !== rendered.updatedAt) router.refresh();
  }, [data.status, data.updatedAt, rendered.status, rendered.updatedAt, router]);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <span role="status" aria-live="polite" aria-label={label} data-testid={testId}>
        {badge(data.status)}
      </span>
      {data.providerStatus ? (
        <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">provider: {data.providerStatus}</span>
      ) : null}
      {!data.isFinal && !error ? <span className="text-xs text-zinc-500 dark:text-zinc-400">Updating live</span> : null}
      {error ? (
        <span className="text-xs text-red-600 dark:text-red-400">
          {isRefusal(error) ? "Live updates stopped" : "Live update failed, trying again"}: {error.message}
        </span>
      ) : null}
    </div>
  );
}
