import { describe, expect, it } from "vitest";
import { paymentEventSentence, refundEventSentence, webhookSentence, type RefundEventFacts } from "./timeline-wording";

const refund = (facts: Partial<RefundEventFacts> & { kind: string }): string =>
  refundEventSentence({
    provider: "checkout",
    actor: null,
    refund: "the refund of HK$50.00",
    fromStatus: null,
    toStatus: null,
    unanswered: false,
    ...facts,
  });

describe("timeline sentences", () => {
  it("says who did what to a refund, naming it", () => {
    expect(refund({ kind: "created", actor: "Finance User", toStatus: "requested" })).toBe(
      "Finance User requested the refund of HK$50.00.",
    );
    expect(refund({ kind: "created", actor: "Finance User", toStatus: "awaiting_approval" })).toBe(
      "Finance User asked for the refund of HK$50.00; it waits for a second person's approval.",
    );
    expect(
      refund({
        kind: "approved_by_checker",
        actor: "Finance User",
        fromStatus: "awaiting_approval",
        toStatus: "requested",
      }),
    ).toBe("Finance User approved the refund of HK$50.00.");
    expect(refund({ kind: "rejected_by_checker", actor: "Second Finance", toStatus: "rejected" })).toBe(
      "Second Finance rejected the refund of HK$50.00.",
    );
    expect(refund({ kind: "approved_by_checker" })).toBe("Someone on the team approved the refund of HK$50.00.");
    expect(
      refund({ kind: "follow_up_opened", actor: "Finance User", fromStatus: "declined", toStatus: "declined" }),
    ).toBe("Finance User recorded a follow-up task for the refund of HK$50.00; it is still open.");
    expect(
      refund({ kind: "follow_up_done", actor: "Finance User", fromStatus: "declined", toStatus: "declined" }),
    ).toBe("Finance User recorded that the refund of HK$50.00 was dealt with another way.");
  });

  it("says what the provider said about a refund, by the status it moved to", () => {
    expect(refund({ kind: "webhook", fromStatus: "pending", toStatus: "approved" })).toBe(
      "Checkout.com said the refund of HK$50.00 was approved.",
    );
    expect(refund({ kind: "webhook", fromStatus: "approved", toStatus: "not_collected" })).toBe(
      "Checkout.com said the refund of HK$50.00 was not collected.",
    );
    expect(refund({ kind: "provider_answer", provider: "octo", fromStatus: "requested", toStatus: "pending" })).toBe(
      "OCTO accepted the refund of HK$50.00 and will decide on it.",
    );
    // The provider's webhook was recorded before our call's answer: the answer still reads as one.
    expect(refund({ kind: "provider_answer_confirmed", fromStatus: "pending", toStatus: "pending" })).toBe(
      "Checkout.com accepted the refund of HK$50.00 and will decide on it.",
    );
    expect(refund({ kind: "provider_answer", fromStatus: "requested", toStatus: "failed" })).toBe(
      "Checkout.com refused the refund of HK$50.00.",
    );
    expect(refund({ kind: "provider_answer", fromStatus: "requested", toStatus: "unknown" })).toBe(
      "Checkout.com did not answer about the refund of HK$50.00, so its outcome is not known yet.",
    );
    expect(refund({ kind: "polled", fromStatus: "pending", toStatus: "pending" })).toBe(
      "We asked Checkout.com about the refund of HK$50.00; nothing has changed.",
    );
    expect(refund({ kind: "polled", fromStatus: "pending", toStatus: "pending", unanswered: true })).toBe(
      "We could not get an answer from Checkout.com about the refund of HK$50.00.",
    );
    expect(refund({ kind: "polled", fromStatus: "unknown", toStatus: "needs_attention" })).toBe(
      "The refund of HK$50.00 needs a person's attention.",
    );
    expect(refund({ kind: "webhook_confirmed", fromStatus: "approved", toStatus: "approved" })).toBe(
      "Checkout.com confirmed the refund of HK$50.00 is still approved.",
    );
    expect(refund({ kind: "ignored_transition", fromStatus: "approved", toStatus: "pending" })).toBe(
      "Checkout.com said the refund of HK$50.00 was pending, but it is already approved; that was ignored.",
    );
    expect(refund({ kind: "too_many_checks", fromStatus: "needs_attention", toStatus: "needs_attention" })).toBe(
      "The refund of HK$50.00 is still undecided after many checks, so a person must look at it.",
    );
  });

  it("words the payment's own events as sentences, never codes", () => {
    const payment = (kind: string, extra: Partial<Parameters<typeof paymentEventSentence>[0]> = {}) =>
      paymentEventSentence({ kind, provider: "octo", actor: null, fromStatus: null, toStatus: null, ...extra });
    expect(payment("status_changed", { fromStatus: "pending", toStatus: "captured" })).toBe(
      "OCTO said the payment was captured.",
    );
    expect(payment("requested", { actor: "Finance User", toStatus: "requested" })).toBe(
      "Finance User requested this payment.",
    );
    expect(payment("provider_rejected")).toBe("OCTO refused the payment request.");
    expect(payment("ignored_out_of_order", { fromStatus: "captured", toStatus: "pending" })).toBe(
      "OCTO said the payment was pending, but it is already captured; that older news was ignored.",
    );
    expect(payment("sync_failed")).toBe("Sync failed.");
  });

  it("says which refund a webhook was about", () => {
    expect(webhookSentence({ provider: "checkout", refund: "the refund of HK$50.00", readable: true })).toBe(
      "Checkout.com sent a webhook about the refund of HK$50.00.",
    );
    expect(webhookSentence({ provider: "octo", refund: null, readable: true })).toBe(
      "OCTO sent a webhook about this payment.",
    );
    expect(webhookSentence({ provider: "checkout", refund: null, readable: false })).toBe(
      "Checkout.com sent a webhook we could not accept.",
    );
  });

  it("every sentence starts with a capital and ends with a full stop, and never shows a code", () => {
    const kinds = [
      "created",
      "approved_by_checker",
      "rejected_by_checker",
      "sync_requested",
      "provider_answer",
      "webhook",
      "resent",
      "polled",
      "too_many_checks",
      "ignored_transition",
      "x_confirmed",
      "follow_up_opened",
      "follow_up_done",
    ];
    for (const kind of kinds) {
      const sentence = refund({ kind, fromStatus: "pending", toStatus: "not_collected" });
      expect(sentence).toMatch(/^[A-Z].*\.$/);
      expect(sentence).not.toMatch(/_/);
    }
  });
});
