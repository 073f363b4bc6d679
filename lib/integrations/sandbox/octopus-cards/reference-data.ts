import { jsonResponse } from "../core/http";
import type { SandboxRequest } from "../core/types";
import { categories, countries, currencies, subcategories } from "./catalogue/reference";
import { limitPaging, paginatedResponse } from "./pagination";
import { numericId } from "./request";
import { notFound } from "./responses";

/** GET list + GET :id for one reference table (providers.md §3.10). */
function referenceEndpoints<T extends { id: number }>(items: readonly T[], label: string) {
  const missing = () => notFound(`${label} not found`);
  return {
    list: async (request: SandboxRequest) => paginatedResponse(request, items, limitPaging),
    get: async (_request: SandboxRequest, params: Record<string, string>) => {
      const id = numericId(params.id, missing);
      const item = items.find((i) => i.id === id);
      if (!item) throw missing();
      return jsonResponse(200, item);
    },
  };
}

export const countryEndpoints = referenceEndpoints(countries, "Country");
export const currencyEndpoints = referenceEndpoints(currencies, "Currency");
export const categoryEndpoints = referenceEndpoints(categories, "Category");
export const subcategoryEndpoints = referenceEndpoints(subcategories, "Subcategory");
