import { describe, expect, it } from "vitest";
import { inputFieldsSchema } from "./input-fields";

const fields = [
  { name: "mobile_number", label: "Mobile number", required: true, pattern: "^\\+[1-9]\\d{6,14}$" },
  { name: "nickname", label: null, required: false, pattern: null },
];

describe("inputFieldsSchema", () => {
  it("accepts the fields as defined and drops empty optional ones", () => {
    expect(inputFieldsSchema(fields).parse({ mobile_number: "+85291234567", nickname: "" })).toEqual({ mobile_number: "+85291234567" });
  });
  it("names the field and the rule that failed", () => {
    const missing = inputFieldsSchema(fields).safeParse({ nickname: "x" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ["mobile_number"] });
    const bad = inputFieldsSchema(fields).safeParse({ mobile_number: "91234567" });
    expect(bad.error?.issues[0]?.message).toBe("is not in the expected format");
  });
  it("refuses keys the product does not define", () => {
    expect(inputFieldsSchema(fields).safeParse({ mobile_number: "+85291234567", pin: "1" }).success).toBe(false);
  });
});
