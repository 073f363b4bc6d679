import { describe, expect, it } from "vitest";
import { csvRow } from "./csv";
import { keysetCsv } from "./keyset-csv";

const rows = [1, 2, 3, 4, 5].map((n) => ({ id: n, name: n === 3 ? "a,b" : `row ${n}` }));

async function drain(batchSize: number) {
  const pagesAsked: (number | undefined)[] = [];
  const seen: number[] = [];
  const generator = keysetCsv({
    columns: ["id", "name"],
    firstCursor: undefined as number | undefined,
    page: async (after, limit) => {
      pagesAsked.push(after);
      return rows.filter((row) => after === undefined || row.id > after).slice(0, limit);
    },
    cursorAfter: (row) => row.id,
    record: (row) => csvRow([row.id, row.name]),
    onRow: (row) => seen.push(row.id),
    batchSize,
  });
  const chunks: string[] = [];
  for (;;) {
    const next = await generator.next();
    if (next.done) return { chunks, rowCount: next.value, pagesAsked, seen };
    chunks.push(next.value);
  }
}

describe("keyset CSV exporter", () => {
  it("writes the header, then one chunk per keyset page, and returns the row count", async () => {
    const { chunks, rowCount, pagesAsked, seen } = await drain(2);
    expect(chunks).toEqual(["id,name\r\n", "1,row 1\r\n2,row 2\r\n", '3,"a,b"\r\n4,row 4\r\n', "5,row 5\r\n"]);
    expect(rowCount).toBe(5);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    // A short page is the last: no query for an empty one after it.
    expect(pagesAsked).toEqual([undefined, 2, 4]);
  });

  it("asks once more after a full last page, and writes the same bytes at any batch size", async () => {
    const whole = await drain(5);
    expect(whole.pagesAsked).toEqual([undefined, 5]);
    for (const batchSize of [1, 3, 500]) expect((await drain(batchSize)).chunks.join("")).toBe(whole.chunks.join(""));
  });
});
