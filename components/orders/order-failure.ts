/**
 * Why an order failed, as one sentence for the merchant. The provider's own reason is kept as it
 * came (it is about the order, e.g. "Invalid phone number"); our transport's wording for an HTTP
 * error answer ("Octopus Cards answered HTTP 500") becomes a sentence that says what it means.
 */
export function failureSentence(order: { failureReason: string | null; failureCode: string | null }): string | null {
  const reason = order.failureReason?.trim() || null;
  const http = reason?.match(/^Octopus Cards answered HTTP (\d{3})$/);
  if (http)
    return Number(http[1]) >= 500
      ? "Octopus Cards had a fault on its side and refused the order."
      : "Octopus Cards refused the order.";
  if (reason) return /[.!?]$/.test(reason) ? reason : `${reason}.`;
  return order.failureCode ? "Octopus Cards refused the order." : null;
}
