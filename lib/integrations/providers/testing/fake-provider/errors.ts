import { ProviderError } from "../../errors";

/** FakePay refuses with one of these codes; it always answers, so every failure is a certain refusal. */
export class FakePayError extends ProviderError<"not_found" | "refused"> {
  override name = "FakePayError";
  constructor(code: "not_found" | "refused", message: string) {
    super("fakepay", { code, message, outcome: "rejected" });
  }
}
