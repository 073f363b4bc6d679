import { describe, expect, it } from "vitest";
import { inputFieldsSchema, patternRule } from "./input-fields";

const fields = [
  { name: "mobile_number", label: "Mobile number", required: true, pattern: "^\\+[1-9]\\d{6,14}$" },
  { name: "nickname", label: null, required: false, pattern: null },
];

describe("inputFieldsSchema", () => {
  it("accepts the fields as defined and drops empty optional ones", () => {
    expect(inputFieldsSchema(fields).parse({ mobile_number: "+85291234567", nickname: "" })).toEqual({
      mobile_number: "+85291234567",
    });
  });
  it("reads phone numbers as people type them, in the product's country, and sends E.164", () => {
    expect(inputFieldsSchema(fields).parse({ mobile_number: "+852 9123-4567" })).toEqual({
      mobile_number: "+85291234567",
    });
    expect(inputFieldsSchema(fields, "HK").parse({ mobile_number: "9123 4567" })).toEqual({
      mobile_number: "+85291234567",
    });
    expect(inputFieldsSchema(fields, "IN").parse({ mobile_number: "98793 12345" })).toEqual({
      mobile_number: "+919879312345",
    });
  });
  it("names the field and the rule that failed, with the expected format", () => {
    const missing = inputFieldsSchema(fields).safeParse({ nickname: "x" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ["mobile_number"] });
    const empty = inputFieldsSchema(fields).safeParse({ mobile_number: "" });
    expect(empty.error?.issues[0]?.message).toBe("is required");
    const bad = inputFieldsSchema(fields).safeParse({ mobile_number: "hello" });
    expect(bad.error?.issues[0]?.message).toBe(
      "must be a Hong Kong number such as 5123 4567, or with the country code, such as +852 5123 4567",
    );
  });
  it("says what a digits pattern wants", () => {
    const player = [{ name: "player_id", label: "Player ID", required: true, pattern: "^[0-9]{5,20}$" }];
    expect(inputFieldsSchema(player).safeParse({ player_id: "12ab" }).error?.issues[0]?.message).toBe(
      "must be 5 to 20 digits, with no spaces or letters",
    );
    expect(patternRule("^\\d{8}$")).toBe("must be 8 digits, with no spaces or letters");
  });
  it("refuses keys the product does not define", () => {
    expect(inputFieldsSchema(fields).safeParse({ mobile_number: "+85291234567", pin: "1" }).success).toBe(false);
  });
});
