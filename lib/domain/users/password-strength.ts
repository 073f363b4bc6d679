import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";

/** zxcvbn's 0–4 scale: 3 is "safely unguessable" (about 10^8 guesses or more). */
export const minimumPasswordScore = 3;

/**
 * ASVS 5.0 6.1.2 / 6.2.11: the context-specific words this product documents as known to an
 * attacker (the product, its providers, roles and places); they count as cheap words in the score.
 */
export const contextSpecificWords = [
  "payments",
  "paymentsops",
  "dashboard",
  "sandbox",
  "checkout",
  "octopus",
  "octo",
  "octopuscards",
  "voucher",
  "topup",
  "esim",
  "wallet",
  "refund",
  "merchant",
  "finance",
  "admin",
  "ops",
  "hongkong",
  "uzbekistan",
] as const;

let checker: Promise<ZxcvbnFactory> | undefined;

/**
 * The dictionaries (common and breached passwords, English words and names; a few MB) load
 * once per process on first use, from local files: nothing goes over the network. Only the
 * server imports this module (manage-users); dynamic imports keep the word lists out of any
 * bundle that does not check a password.
 */
function passwordChecker(): Promise<ZxcvbnFactory> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
  })();
  checker.catch(() => (checker = undefined));
  return checker;
}

export type PasswordVerdict = { ok: true } | { ok: false; rule: string };

/** The whole password is one entry of a common/breached password list (maybe reversed or in l33t). */
function isListedPassword(result: ZxcvbnResult): boolean {
  const [only, ...rest] = result.sequence;
  return rest.length === 0 && only?.pattern === "dictionary" && String(only.dictionaryName).startsWith("passwords");
}

/**
 * ASVS 6.2.12: refuses a password found in the breached/common lists or guessable within about
 * 10^8 tries (score below 3), counting the user's own email, its parts and name as known words.
 * The rule it returns completes "<Field> is too common or too easy to guess: …".
 */
export async function checkPasswordStrength(
  password: string,
  userInputs: { email?: string; name?: string } = {},
): Promise<PasswordVerdict> {
  const { whole, words } = ownDetails(userInputs);
  const foldedPassword = fold(password);
  const containsOwnDetails = whole.some((detail) => foldedPassword.includes(fold(detail)));
  // Their words also count as known words for the score ("lovelace" costs an attacker little).
  const result = (await passwordChecker()).check(password, [...whole, ...words, ...contextSpecificWords]);
  if (!containsOwnDetails && !isListedPassword(result) && result.score >= minimumPasswordScore) return { ok: true };
  const hint = containsOwnDetails
    ? "it contains the user's email or name"
    : isListedPassword(result)
      ? "it is on a list of common or breached passwords"
      : (result.feedback.warning ?? "it could be guessed quickly");
  return {
    ok: false,
    rule: `is too common or too easy to guess: ${lowerFirst(stripPeriod(hint))}. Use a longer passphrase of unrelated words.`,
  };
}

/** The email, its local part and the name as a whole ("ada.lovelace"), and their single words. */
function ownDetails({ email, name }: { email?: string; name?: string }): { whole: string[]; words: string[] } {
  const localPart = email?.split("@")[0];
  const long = (values: Array<string | undefined>) => [
    ...new Set(values.filter((v): v is string => typeof v === "string" && fold(v).length >= 4)),
  ];
  return {
    whole: long([email, localPart, name]),
    words: long([...(localPart?.split(/[.+_-]+/) ?? []), ...(name?.split(/[\s.'-]+/) ?? [])]),
  };
}

/** Lower case, letters and digits only: "Ada.Lovelace" and "adalovelace" are the same word. */
const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

const stripPeriod = (text: string) => text.replace(/\.\s*$/, "");
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
