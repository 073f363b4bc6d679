import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvRow, parseCsv } from "./csv";

describe("CSV cells", () => {
  it("quotes what needs quoting and doubles quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded ")).toBe('" padded "');
    expect(csvCell(null)).toBe("");
    expect(csvRow(["a", null, "c,d"])).toBe('a,,"c,d"\r\n');
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\",\"x\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
    expect(csvCell("10.50")).toBe("10.50");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("parses back exactly what it wrote (apart from the formula guard)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "binary", maxLength: 12 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const safe = rows.map((r) => r.map((c) => (c === "" ? "x" : c)));
        const text = safe.map((r) => csvRow(r)).join("");
        const guarded = (c: string) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c);
        expect(parseCsv(text)).toEqual(safe.map((r) => r.map(guarded)));
      }),
    );
  });
});
