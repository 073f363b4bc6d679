import { csvRow } from "./csv";

/** What one keyset-paged list gives the exporter: how to read a page, where the next one starts, how a row is written. */
export interface KeysetCsvSource<Row, Cursor> {
  columns: readonly string[];
  /** Where the first page starts (the list's own cursor, usually none). */
  firstCursor: Cursor | undefined;
  /** Up to `limit` rows after `cursor`, in the list's order. */
  page: (cursor: Cursor | undefined, limit: number) => Promise<readonly Row[]>;
  /** The cursor just past `row`, where the next page starts. */
  cursorAfter: (row: Row) => Cursor;
  /** One CSV record (csvRow) for the row. */
  record: (row: Row) => string;
  /** Sees every row written, in order (control totals are counted from the rows written, never re-queried). */
  onRow?: (row: Row) => void;
  batchSize?: number;
}

/**
 * A list as CSV, chunk by chunk: the header, then one chunk per keyset batch (never the whole
 * table in memory, never OFFSET). Returns the number of rows written, so a caller can add a
 * trailer with `yield*` and its own totals.
 */
export async function* keysetCsv<Row, Cursor>(source: KeysetCsvSource<Row, Cursor>): AsyncGenerator<string, number> {
  const batchSize = source.batchSize ?? 500;
  let rowCount = 0;
  yield csvRow(source.columns);
  let cursor = source.firstCursor;
  for (;;) {
    const rows = await source.page(cursor, batchSize);
    if (rows.length === 0) break;
    let chunk = "";
    for (const row of rows) {
      chunk += source.record(row);
      rowCount += 1;
      source.onRow?.(row);
    }
    yield chunk;
    if (rows.length < batchSize) break;
    cursor = source.cursorAfter(rows[rows.length - 1]!);
  }
  return rowCount;
}
