import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvDecimal, csvRow, parseCsv } from "./csv";

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
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe('"\'\t=1"');
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    expect(csvCell("10.50")).toBe("10.50");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@x")).toBe("'@x");
    expect(csvCell("\uFF1D1+1")).toBe("'\uFF1D1+1");
  });

  it("quotes a cell holding any separator a spreadsheet may split on, so no formula hides after one", () => {
    expect(csvCell("x;=SUM(1+1)")).toBe('"x;=SUM(1+1)"');
    expect(csvCell("x,=SUM(1+1)")).toBe('"x,=SUM(1+1)"');
    expect(csvCell("x\t=SUM(1+1)")).toBe('"x\t=SUM(1+1)"');
    expect(csvCell("x\r\n=SUM(1+1)")).toBe('"x\r\n=SUM(1+1)"');
    expect(csvCell('x"=1')).toBe('"x""=1"');
    expect(parseCsv(csvRow(["x;=SUM(1+1)", "b"]))).toEqual([["x;=SUM(1+1)", "b"]]);
  });

  it("writes amounts our code produced as numbers: a real -150 stays numeric, only text is guarded", () => {
    expect(csvCell(-150n)).toBe("-150");
    expect(csvCell(0n)).toBe("0");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(csvDecimal("-1.50"))).toBe("-1.50");
    expect(csvCell("-150")).toBe("'-150");
    expect(csvRow(["total", "HKD", 2, -150n, csvDecimal("-1.50")])).toBe("total,HKD,2,-150,-1.50\r\n");
    expect(() => csvDecimal("=1+1")).toThrow(/not a decimal/);
    expect(() => csvCell(Number.NaN)).toThrow(/not a finite number/);
  });

  it("parses back exactly what it wrote (apart from the formula guard)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "binary", maxLength: 12 }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const safe = rows.map((r) => r.map((c) => (c === "" ? "x" : c)));
          const text = safe.map((r) => csvRow(r)).join("");
          const guarded = (c: string) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(c) ? `'${c}` : c);
          expect(parseCsv(text)).toEqual(safe.map((r) => r.map(guarded)));
        },
      ),
    );
  }, 30_000);
});
