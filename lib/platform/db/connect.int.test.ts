import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./connect";
import { migrateDatabase } from "./migrate";

describe("embedded database on a fresh machine", () => {
  const root = mkdtempSync(path.join(tmpdir(), "pglite-fresh-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("creates its data folder (and missing parents), migrates, and answers", async () => {
    const target = { kind: "pglite" as const, dataDir: path.join(root, "not", "there", "pglite") };
    const handle = openDatabase(target);
    await migrateDatabase(handle, target);
    expect(await handle.db.execute(sql`select 1 as one`)).toBeTruthy();
    await handle.close();
    expect(existsSync(target.dataDir)).toBe(true);
  });
});
