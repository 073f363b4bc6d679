import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

/**
 * A form submitted before the page hydrates (or without JavaScript) is sent by the browser
 * itself: without `method="post"` or a server `action`, that is a GET, and every field (a
 * password, a code) lands in the URL and the server log. Only filters may use GET, and say so.
 */
describe("forms", () => {
  it('every form posts (method="post" or a server action), or is a filter that says method="get"', () => {
    const offenders: string[] = [];
    for (const file of [...tsxFiles(path.join(root, "components")), ...tsxFiles(path.join(root, "app"))]) {
      // Comments may speak of `<form action>`; only markup counts.
      const source = readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
        .join("\n");
      for (const match of source.matchAll(/<form\b[^>]*>/g)) {
        const tag = match[0];
        if (/method="post"|method="get"|\baction=\{/.test(tag)) continue;
        offenders.push(`${path.relative(root, file)}: ${tag.slice(0, 80)}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
