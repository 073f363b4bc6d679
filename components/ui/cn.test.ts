import { describe, expect, it } from "vitest";
import { buttonClass } from "./button";
import { cn } from "./cn";

describe("cn", () => {
  it("lets a later class replace an earlier one of the same kind", () => {
    expect(cn("min-h-9 px-3 py-1.5 text-sm", "min-h-7 px-2 py-0.5 text-xs")).toBe("min-h-7 px-2 py-0.5 text-xs");
  });

  it("keeps classes of different kinds and drops falsy ones", () => {
    expect(cn("block", false, undefined, null, "dark:bg-zinc-900", { hidden: false, "md:block": true })).toBe(
      "block dark:bg-zinc-900 md:block",
    );
  });

  it("keeps a variant's own classes apart from the base's (dark: and hover: are other kinds)", () => {
    expect(cn("bg-white dark:bg-zinc-900", "bg-zinc-50")).toBe("dark:bg-zinc-900 bg-zinc-50");
  });
});

describe("buttonClass", () => {
  it("lets a compact override win over the base height, padding and text size", () => {
    const classes = buttonClass("secondary", "min-h-7 px-2 py-0.5 text-xs").split(" ");
    expect(classes).toEqual(expect.arrayContaining(["min-h-7", "px-2", "py-0.5", "text-xs"]));
    expect(classes).not.toEqual(expect.arrayContaining(["min-h-9"]));
    expect(classes).not.toContain("px-3");
    expect(classes).not.toContain("text-sm");
  });
});
