import { describe, expect, it } from "vitest";
import { createUserInput } from "@/lib/app/validation/users";
import { fieldInWords, validationFailure } from "./refusal";

describe("validationFailure", () => {
  it("names each failing field and its rule", () => {
    const parsed = createUserInput.safeParse({ email: "nope", name: "", role: "owner", password: "short" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const failure = validationFailure(parsed.error);
    expect(failure.code).toBe("VALIDATION_FAILED");
    expect(failure.fieldErrors).toEqual({
      email: ["must be a valid email address"],
      name: ["is required"],
      role: ["must be one of admin, finance, ops, merchant"],
      password: ["must be at least 12 characters"],
    });
    expect(failure.message).toBe(
      "Check the form: Email must be a valid email address. Name is required. Role must be one of admin, finance, ops, merchant. Password must be at least 12 characters.",
    );
  });

  it("says fields in words, never their paths or internal names", () => {
    expect(fieldInWords("status.0")).toBe("Status");
    expect(fieldInWords("customerEmail")).toBe("Customer email");
    expect(fieldInWords("webhookUrl")).toBe("Webhook URL");
    expect(fieldInWords("idempotency_key")).toBe("Idempotency key");
    expect(fieldInWords("")).toBe("This field");
  });

  it("reports missing fields as required", () => {
    const parsed = createUserInput.safeParse({});
    if (parsed.success) throw new Error("expected failure");
    expect(validationFailure(parsed.error).fieldErrors?.email).toEqual(["is required"]);
  });
});
