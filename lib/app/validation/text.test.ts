import { describe, expect, it } from "vitest";
import { controlCharacterRule, optionalTypedText, typedText } from "./text";

describe("text a person types", () => {
  const line = typedText({ max: 20 });
  const note = optionalTypedText({ max: 20, multiline: true });

  it("accepts ordinary text, trimmed, including non-Latin letters and emoji", () => {
    expect(line.parse("  Fiona Ng  ")).toBe("Fiona Ng");
    expect(line.parse("陳大文 😀")).toBe("陳大文 😀");
  });

  it.each([
    "a\u0000b",
    "\u0001",
    "a\u001bb",
    "a\u007fb",
    "a\u0085b",
    "a\u202eb",
    "a\u2066b",
    "a\u2028b",
    "a\nb",
    "a\tb",
    "a\ud800b",
  ])("refuses %j on a single line with the control-character rule", (text) => {
    const parsed = line.safeParse(text);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain(controlCharacterRule);
  });

  it("lets a multi-line note keep newline and tab, never NUL", () => {
    expect(note.parse("line one\n\tline two")).toBe("line one\n\tline two");
    expect(note.safeParse("line\u0000two").success).toBe(false);
    expect(note.parse("   ")).toBeUndefined();
  });

  it("caps the length with a rule in the user's words", () => {
    expect(line.safeParse("x".repeat(21)).error?.issues[0]?.message).toBe("must be at most 20 characters");
  });
});
