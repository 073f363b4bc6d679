/**
 * The one CSV cell encoder of every export (payments, orders): RFC 4180 cells, safe to open in
 * a spreadsheet.
 *
 * Text cells: one that starts with = + - @ tab or CR (or their full-width forms) would be read
 * as a formula by Excel, LibreOffice or Sheets (CSV injection, ASVS 1.2.10): it gets a leading
 * apostrophe, which those programs show as text and do not evaluate (OWASP's advice). The
 * apostrophe is part of the cell's value: a reader that re-imports the file must strip it.
 * Then a cell holding any separator a spreadsheet may split on (comma, or semicolon in
 * locales whose list separator it is, or tab), a quote, CR or LF, or with leading/trailing
 * spaces, is quoted and its quotes doubled. `x;=SUM(1+1)` is thus one quoted text cell.
 *
 * Numbers (bigint/number minor units, csvDecimal major units) are written as they are: a
 * real amount of -150 stays a number a spreadsheet can add up, never "'-150". Only values our
 * own code produced can be numbers; everything a person or a provider typed is text.
 */
export type CsvDecimal = { readonly csvDecimal: string };
export type CsvValue = string | bigint | number | CsvDecimal | null | undefined;

const decimalPattern = /^-?\d+(\.\d+)?$/;

/** A decimal our code formatted (e.g. a major-unit amount "-1.50"): written unguarded as a number. */
export function csvDecimal(text: string): CsvDecimal {
  if (!decimalPattern.test(text)) throw new Error(`not a decimal number: ${JSON.stringify(text)}`);
  return { csvDecimal: text };
}

const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const needsQuotes = /[",;\t\r\n]|^\s|\s$/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "object") return value.csvDecimal;
  const guarded = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** One record, CRLF-terminated as RFC 4180 says. */
export function csvRow(cells: readonly CsvValue[]): string {
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
