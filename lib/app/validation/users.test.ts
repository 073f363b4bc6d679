import { describe, expect, it } from "vitest";
import { emailSchema, setUserDisabledInput } from "./users";

describe("user input rules", () => {
  it("stores emails trimmed and lower-cased, so one person is one account", () => {
    expect(emailSchema.parse("  Fiona.Finance@Example.TEST ")).toBe("fiona.finance@example.test");
  });

  it("reads the disabled flag only from the two literal form values", () => {
    expect(
      setUserDisabledInput.parse({ userId: "2b0e6a4e-3f59-4bbf-9a35-3c1f1ad2c6c1", disabled: "true" }).disabled,
    ).toBe(true);
    expect(
      setUserDisabledInput.safeParse({ userId: "2b0e6a4e-3f59-4bbf-9a35-3c1f1ad2c6c1", disabled: "yes" }).success,
    ).toBe(false);
  });
});
