import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = process.cwd();
const depcruise = path.join(root, "node_modules", ".bin", "depcruise");

/** The boundary check on some paths: its exit code and what it printed. */
async function cruise(paths: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(depcruise, [...paths, "--config", ".dependency-cruiser.cjs", "--output-type", "err"], {
      cwd: root,
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

/** Writes a file into the tree, cruises it, and always removes it. */
async function cruisePlanted(file: string, source: string) {
  const full = path.join(root, file);
  writeFileSync(full, source);
  try {
    return await cruise([file]);
  } finally {
    rmSync(full, { force: true });
  }
}

describe("the sandbox boundary (npm run lint:boundaries)", () => {
  it("fails when a simulator imports the product", async () => {
    const result = await cruisePlanted(
      "lib/integrations/sandbox/octo/planted-boundary-breach.ts",
      'import { octoConfig } from "@/lib/integrations/providers/config";\nexport const planted = octoConfig;\n',
    );
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("sandbox-not-to-product");
  }, 60_000);

  it("fails when product code reaches into the sandbox, and when it imports it from outside a mount point", async () => {
    const internal = await cruisePlanted(
      "lib/domain/payments/planted-boundary-breach.ts",
      'import { sandboxNow } from "@/lib/integrations/sandbox/core/clock";\nexport const planted = sandboxNow;\n',
    );
    expect(internal.code).not.toBe(0);
    expect(internal.output).toContain("product-to-sandbox-entries-only");

    const viaEntry = await cruisePlanted(
      "lib/domain/refunds/planted-boundary-breach.ts",
      'import { sandboxNow } from "@/lib/integrations/sandbox/mount";\nexport const planted = sandboxNow;\n',
    );
    expect(viaEntry.code).not.toBe(0);
    expect(viaEntry.output).toContain("product-to-sandbox-from-mount-points-only");
    expect(viaEntry.output).not.toContain("product-to-sandbox-entries-only");
  }, 60_000);

  it("passes on the tree", async () => {
    const result = await cruise(["app", "components", "lib", "e2e", "drizzle"]);
    expect(result.output).toContain("no dependency violations found");
    expect(result.code).toBe(0);
  }, 120_000);
});
