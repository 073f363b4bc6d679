import { describe, expect, it } from "vitest";
import { checkPasswordStrength } from "./password-strength";

const owner = { email: "ada.lovelace@example.test", name: "Ada Lovelace" };

describe("password strength (ASVS 6.2.12)", () => {
  it.each(["password1234", "Summer2024!", "qwertyuiop123", "iloveyou1234", "P@ssw0rd1234", "123456789012"])(
    "refuses the common password %s",
    async (password) => {
      const verdict = await checkPasswordStrength(password, owner);
      expect(verdict).toMatchObject({
        ok: false,
        rule: expect.stringMatching(
          /^is too common or too easy to guess: .+\. Use a longer passphrase of unrelated words\.$/,
        ),
      });
    },
    30_000,
  );

  it("refuses a password built from the user's own email or name", async () => {
    for (const password of ["ada.lovelace1815", "AdaLovelace!!2026", "my-ada.lovelace@example.test"]) {
      expect(await checkPasswordStrength(password, owner), password).toEqual({
        ok: false,
        rule: "is too common or too easy to guess: it contains the user's email or name. Use a longer passphrase of unrelated words.",
      });
    }
  });

  it("refuses a password built from the product's own words (the documented context-specific list)", async () => {
    for (const password of ["PaymentsOps2026!"]) {
      expect(await checkPasswordStrength(password, owner), password).toMatchObject({ ok: false });
    }
  });

  it("accepts a long random passphrase, and the same password for someone else", async () => {
    expect(await checkPasswordStrength("tangerine-octopus-marble-quiet-97", owner)).toEqual({ ok: true });
    expect(await checkPasswordStrength("9xK#mQ2v!Lp4zR8w", owner)).toEqual({ ok: true });
    expect(
      await checkPasswordStrength("lovelace-rules-9Q-orbit", { email: "grace@example.test", name: "Grace Hopper" }),
    ).toEqual({ ok: true });
  });
});
