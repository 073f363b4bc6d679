import type { Page, Response } from "@playwright/test";

/** Bytes a page load transferred (encoded bodies), by kind, and the decoded size of the HTML and RSC. */
export interface PageWeight {
  htmlBytes: number;
  /** HTML + RSC after decompression: what the browser parses. */
  decodedPayloadBytes: number;
  /** The flight data inlined in the HTML (self.__next_f.push scripts), decoded characters. */
  inlineFlightChars: number;
  rscBytes: number;
  jsBytes: number;
}

// With the CSP nonce the tag carries attributes.
const inlineFlight = /<script[^>]*>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g;

/** Counts every response of the page from now on; read the totals with `done()` once the load settled. */
export function weighPage(page: Page): { done: () => Promise<PageWeight> } {
  const pending: Promise<void>[] = [];
  const weight: PageWeight = { htmlBytes: 0, decodedPayloadBytes: 0, inlineFlightChars: 0, rscBytes: 0, jsBytes: 0 };
  const onResponse = (response: Response) => {
    pending.push(
      (async () => {
        const request = response.request();
        const sizes = await request.sizes().catch(() => null);
        const bytes = sizes?.responseBodySize ?? 0;
        const type = (await response.headerValue("content-type")) ?? "";
        if (request.resourceType() === "document") {
          weight.htmlBytes += bytes;
          const html = await response.text().catch(() => "");
          weight.decodedPayloadBytes += Buffer.byteLength(html);
          for (const match of html.matchAll(inlineFlight)) weight.inlineFlightChars += match[1]?.length ?? 0;
        } else if (type.includes("text/x-component")) {
          weight.rscBytes += bytes;
          weight.decodedPayloadBytes += (await response.body().catch(() => Buffer.alloc(0))).length;
        } else if (request.resourceType() === "script") weight.jsBytes += bytes;
      })(),
    );
  };
  page.on("response", onResponse);
  return {
    done: async () => {
      page.off("response", onResponse);
      await Promise.all(pending);
      return weight;
    },
  };
}
