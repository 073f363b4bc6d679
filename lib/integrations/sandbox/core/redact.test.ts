import { describe, expect, it } from "vitest";
import { redactBodyText, redactHeaders } from "./redact";

describe("what the control listing of sent webhooks hides", () => {
  it("hides goods and credentials at any depth and keeps every other byte, amounts included", () => {
    const body =
      '{"amount": 150000.00, "items":[{"card_number":"6280","pinCode":"1234","activation":{"lpa":"LPA:1$x"}}],"api_secret":{"a":[1,2]},"claimUrl":null}';
    expect(redactBodyText(body)).toBe(
      '{"amount": 150000.00, "items":[{"card_number":"[redacted]","pinCode":"[redacted]","activation":{"lpa":"[redacted]"}}],"api_secret":"[redacted]","claimUrl":null}',
    );
  });

  it("hides credential headers", () => {
    expect(redactHeaders({ "X-OCTOPUS-WEBHOOK-TOKEN": "t", "content-type": "application/json" })).toEqual({
      "X-OCTOPUS-WEBHOOK-TOKEN": "[redacted]",
      "content-type": "application/json",
    });
  });
});
