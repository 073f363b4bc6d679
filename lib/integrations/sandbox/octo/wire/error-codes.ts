/** The numbers OCTO answers in `error` (providers.md §2.2, §2.6). HTTP is 200 whatever the outcome. */
export const octoError = {
  /** [DOC old doc] "data format error". */
  dataFormat: 1,
  /** [DOC] "Wrong secret" (old doc: "authorisation error"). */
  wrongSecret: 2,
  /** [OURS] Unknown payment or a payment in the wrong status; OCTO publishes no code (the old doc's 3 was "invalid refund amount"). */
  wrongPaymentState: 3,
  /** [OURS] set_accept final_amount not positive or above the hold; OCTO publishes no code. */
  wrongFinalAmount: 4,
  /** [BRIEF + 3P] "Wrong amount to refund". */
  wrongRefundAmount: 22,
} as const;
