import { describe, expect, it } from "vitest";
import { prettyBody } from "./pretty-body";

describe("prettyBody", () => {
  it("indents JSON when only whitespace changes", () => {
    expect(prettyBody('{"id":"evt_1", "data": {"amount": 5000, "note": "a  b"}}')).toBe(
      '{\n  "id": "evt_1",\n  "data": {\n    "amount": 5000,\n    "note": "a  b"\n  }\n}',
    );
  });

  it("shows the body exactly as received when parsing would change a value", () => {
    for (const raw of ['{"amount":9007199254740993}', '{"amount":10.50}', '{"name":"caf\\u00e9"}', '{"a":1,"a":2}']) {
      expect(prettyBody(raw)).toBe(raw);
    }
  });

  it("shows non-JSON as received", () => {
    expect(prettyBody("{not json")).toBe("{not json");
    expect(prettyBody("")).toBe("");
  });
});
