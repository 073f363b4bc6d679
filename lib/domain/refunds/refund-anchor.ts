/** The page anchor of a refund's row in a payment's refunds list (the timeline links to it). */
export const refundRowAnchor = (refundId: string) => `refund-${refundId}`;
