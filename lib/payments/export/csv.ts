/**
 * RFC 4180 CSV cells, safe to open in a spreadsheet. A cell that starts with = + - @ tab or CR
 * would be read as a formula by Excel, LibreOffice or Sheets (CSV injection): it gets a leading
 * apostrophe, which those programs show as text and do not evaluate (OWASP's advice). Then any
 * cell holding a comma, quote, CR or LF, or with leading/trailing spaces, is quoted and its
 * quotes doubled.
 */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** One record, CRLF-terminated as RFC 4180 says. */
export function csvRow(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * Reads CSV text back into records (RFC 4180: quoted cells, doubled quotes, CRLF or LF). Used by
 * the tests to check the export, and small enough to trust.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i += 1;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      if (c === "\r" && text[i + 1] === "\n") i += 1;
    } else cell += c;
    i += 1;
  }
  if (cell !== "" || record.length) {
    record.push(cell);
    records.push(record);
  }
  return records;
}
