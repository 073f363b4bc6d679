import { jsonResponse } from "../core/http";
import type { SandboxRequest } from "../core/types";
import { positiveIntQuery } from "./request";
import { validationFailure } from "./responses";

export interface PageSpec {
  pageParam: "limit" | "per_page";
  defaultSize: number;
  maxSize: number;
}

/** A top-level JSON array with the documented X-Page… headers (providers.md §3.4). */
export function paginatedResponse<T>(request: SandboxRequest, items: readonly T[], spec: PageSpec): Response {
  const page = positiveIntQuery(request, "page") ?? 1;
  const size = positiveIntQuery(request, spec.pageParam) ?? spec.defaultSize;
  if (size > spec.maxSize) throw validationFailure(`${spec.pageParam} must be at most ${spec.maxSize}`);
  const slice = items.slice((page - 1) * size, page * size);
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  return jsonResponse(200, slice, {
    "X-Page": String(page),
    "X-Per-Page": String(size),
    "X-Total-Count": String(items.length),
    "X-Total-Pages": String(totalPages),
    "X-Page-Size": String(slice.length),
    "X-Has-More": String(page * size < items.length),
  });
}

export const limitPaging: PageSpec = { pageParam: "limit", defaultSize: 50, maxSize: 10_000 };
export const perPagePaging: PageSpec = { pageParam: "per_page", defaultSize: 50, maxSize: 500 };
