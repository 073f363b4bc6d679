import type { RoleName } from "./roles";

export interface ActionCase {
  file: string;
  name: string;
  /** Roles allowed to call it; everyone else must get FORBIDDEN (anonymous: UNAUTHENTICATED). */
  allowed: readonly RoleName[];
  /** A valid input, so a refusal can only come from the permission check. */
  input: () => Record<string, string>;
  /**
   * Needs a second factor verified in the last few minutes (a stale session gets STEP_UP_REQUIRED):
   * "always", or "above-threshold" (refunds above the currency's approval threshold only).
   */
  stepUp?: "always" | "above-threshold";
}

const someUserId = "00000000-0000-4000-8000-000000000000";
const somePaymentId = "00000000-0000-4000-8000-000000000001";
const someRefundId = "00000000-0000-4000-8000-000000000002";
const someOrderId = "00000000-0000-4000-8000-000000000003";

/** Every server action of the app. The RBAC spec fails when the build has one that is not listed here. */
export const actionMatrix: readonly ActionCase[] = [
  {
    file: "lib/app/actions/auth/sign-out.ts",
    name: "signOutAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({}),
  },
  {
    file: "lib/app/actions/users/create-user.ts",
    name: "createUserAction",
    stepUp: "always",
    allowed: ["admin"],
    input: () => ({
      email: `matrix-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`,
      name: "Matrix",
      role: "ops",
      password: "a long enough password",
    }),
  },
  {
    file: "lib/app/actions/users/change-user-role.ts",
    name: "changeUserRoleAction",
    stepUp: "always",
    allowed: ["admin"],
    input: () => ({ userId: someUserId, role: "ops" }),
  },
  {
    file: "lib/app/actions/users/set-user-disabled.ts",
    name: "setUserDisabledAction",
    stepUp: "always",
    allowed: ["admin"],
    input: () => ({ userId: someUserId, disabled: "true" }),
  },
  {
    file: "lib/app/actions/users/reset-user-password.ts",
    name: "resetUserPasswordAction",
    stepUp: "always",
    allowed: ["admin"],
    input: () => ({ userId: someUserId, password: "a long enough password" }),
  },
  {
    file: "lib/app/actions/payments/request-payment.ts",
    name: "requestPaymentAction",
    allowed: ["admin", "finance"],
    input: () => ({ method: "checkout_api", currency: "HKD", amount: "1.00", idempotencyKey: crypto.randomUUID() }),
  },
  {
    file: "lib/app/actions/payments/resume-payment-request.ts",
    name: "resumePaymentRequestAction",
    allowed: ["admin", "finance"],
    input: () => ({ paymentId: someUserId }),
  },
  {
    file: "lib/app/actions/sandbox/advance-sandbox-clock.ts",
    name: "advanceSandboxClockAction",
    allowed: ["admin"],
    input: () => ({ minutes: "1" }),
  },
  {
    file: "lib/app/actions/payments/import-payment.ts",
    name: "importPaymentAction",
    allowed: ["admin", "finance", "ops"],
    input: () => ({ provider: "checkout", paymentId: `pay_${"a".repeat(26)}` }),
  },
  {
    file: "lib/app/actions/payments/sync-payment.ts",
    name: "syncPaymentAction",
    allowed: ["admin", "finance", "ops"],
    input: () => ({ paymentId: somePaymentId }),
  },
  {
    file: "lib/app/actions/refunds/issue-refund.ts",
    name: "issueRefundAction",
    stepUp: "above-threshold",
    allowed: ["admin", "finance"],
    input: () => ({
      paymentId: somePaymentId,
      kind: "partial",
      amount: "1.00",
      reason: "customer_request",
      idempotencyKey: crypto.randomUUID(),
    }),
  },
  {
    file: "lib/app/actions/refunds/approve-refund.ts",
    name: "approveRefundAction",
    stepUp: "always",
    allowed: ["admin", "finance"],
    input: () => ({ refundId: someRefundId }),
  },
  {
    file: "lib/app/actions/refunds/reject-refund.ts",
    name: "rejectRefundAction",
    stepUp: "always",
    allowed: ["admin", "finance"],
    input: () => ({ refundId: someRefundId, reason: "Matrix check" }),
  },
  {
    file: "lib/app/actions/refunds/sync-refunds.ts",
    name: "syncRefundsAction",
    allowed: ["admin", "finance", "ops"],
    input: () => ({ refundIds: someRefundId }),
  },
  {
    file: "lib/app/actions/refunds/record-refund-follow-up.ts",
    name: "recordRefundFollowUpAction",
    allowed: ["admin", "finance"],
    input: () => ({ refundId: someRefundId, note: "Matrix check", task: "Refund by bank transfer", state: "open" }),
  },
  {
    file: "lib/app/actions/refunds/set-approval-threshold.ts",
    name: "setApprovalThresholdAction",
    stepUp: "always",
    allowed: ["admin"],
    input: () => ({ currency: "JPY", amount: "99999999" }),
  },
  {
    file: "lib/app/actions/wallet/set-low-balance-threshold.ts",
    name: "setLowBalanceThresholdAction",
    stepUp: "always",
    allowed: ["admin"],
    input: () => ({ currency: "KRW", amount: "1" }),
  },
  {
    file: "lib/app/actions/alert-rules/set-alert-rule.ts",
    name: "setAlertRuleAction",
    stepUp: "always",
    allowed: ["admin"],
    // Its defaults: whichever spec runs last, the rule acts the same.
    input: () => ({
      rule: "reconciliation_drift",
      team_admin: "on",
      team_finance: "on",
      team_ops: "on",
      delivery: "immediate",
    }),
  },
  {
    file: "lib/app/actions/orders/place-order.ts",
    name: "placeOrderAction",
    allowed: ["admin", "merchant"],
    // A valid form whose confirmed total never matches a real quote: allowed roles get the
    // "price changed" refusal (nothing is ordered), the others FORBIDDEN.
    input: () => ({
      vertical: "voucher",
      productId: "123",
      productName: "Matrix",
      quantity: "1",
      faceValueMajor: "10",
      faceValueCurrency: "USD",
      walletId: "1",
      quotedChargeMajor: "0.01",
      quotedChargeCurrency: "USD",
      clientReference: `MATRIX-${crypto.randomUUID()}`,
    }),
  },
  // Any signed-in user manages their own passkeys; the JSON ceremonies need no valid body to be refused to anonymous callers.
  {
    file: "lib/app/actions/auth/start-passkey-registration.ts",
    name: "startPasskeyRegistrationAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({ name: "Matrix" }),
  },
  {
    file: "lib/app/actions/auth/finish-passkey-registration.ts",
    name: "finishPasskeyRegistrationAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({ name: "Matrix", response: "not a passkey answer" }),
  },
  {
    file: "lib/app/actions/auth/remove-passkey.ts",
    name: "removePasskeyAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({ credentialId: "bWF0cml4" }),
  },
  {
    file: "lib/app/actions/auth/start-passkey-verification.ts",
    name: "startPasskeyVerificationAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({ purpose: "step-up" }),
  },
  {
    file: "lib/app/actions/auth/finish-passkey-verification.ts",
    name: "finishPasskeyVerificationAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({ purpose: "step-up", response: "not a passkey answer" }),
  },
  {
    file: "lib/app/actions/account/change-password.ts",
    name: "changePasswordAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({
      currentPassword: "not the current password",
      newPassword: "a long enough password",
      confirmPassword: "a long enough password",
    }),
  },
  {
    file: "lib/app/actions/account/revoke-own-session.ts",
    name: "revokeOwnSessionAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({ sessionId: "00000000-0000-4000-8000-000000000004" }),
  },
  // Every signed-in person marks their own notifications (another's id marks nothing: e2e/notifications.spec.ts).
  {
    file: "lib/app/actions/notifications/mark-notification-read.ts",
    name: "markNotificationReadAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({ notificationId: "9007199254740993" }),
  },
  {
    file: "lib/app/actions/notifications/mark-all-notifications-read.ts",
    name: "markAllNotificationsReadAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({}),
  },
  {
    file: "lib/app/actions/alerts/add-alert-webhook.ts",
    name: "addAlertWebhookAction",
    stepUp: "always",
    allowed: ["admin"],
    // Harmless when it succeeds: the sandbox's own webhook sink receives what it is sent.
    input: () => ({ team: "merchant", name: "RBAC check", webhookUrl: "http://127.0.0.1:3200/api/sandbox/alert-sink" }),
  },
  {
    file: "lib/app/actions/alerts/remove-alert-webhook.ts",
    name: "removeAlertWebhookAction",
    stepUp: "always",
    allowed: ["admin"],
    input: () => ({ endpointId: "00000000-0000-4000-8000-000000000004" }),
  },
  {
    file: "lib/app/actions/alerts/set-alert-email.ts",
    name: "setAlertEmailAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({ enabled: "on" }),
  },
  {
    file: "lib/app/actions/account/revoke-other-sessions.ts",
    name: "revokeOtherSessionsAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({}),
  },
  {
    file: "lib/app/actions/users/revoke-user-sessions.ts",
    name: "revokeUserSessionsAction",
    allowed: ["admin"],
    input: () => ({ userId: someUserId }),
  },
  {
    file: "lib/app/actions/orders/reveal-esim-activation.ts",
    name: "revealEsimActivationAction",
    allowed: ["admin", "merchant"],
    input: () => ({ orderId: someOrderId }),
  },
  {
    file: "lib/app/actions/users/reset-user-factors.ts",
    name: "resetUserFactorsAction",
    allowed: ["admin"],
    input: () => ({ userId: someUserId }),
  },
  {
    file: "lib/app/actions/account/confirm-totp.ts",
    name: "confirmTotpAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({ code: "123456" }),
  },
  {
    file: "lib/app/actions/account/regenerate-recovery-codes.ts",
    name: "regenerateRecoveryCodesAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({}),
  },
  {
    file: "lib/app/actions/auth/end-step-up.ts",
    name: "endStepUpAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({}),
  },
  {
    file: "lib/app/actions/auth/check-step-up.ts",
    name: "checkStepUpAction",
    stepUp: "always",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({}),
  },
  // A wrong code on purpose: allowed callers get "not right" (never five in a row: that revokes the session).
  {
    file: "lib/app/actions/auth/confirm-step-up.ts",
    name: "confirmStepUpAction",
    allowed: ["admin", "finance", "ops", "merchant"],
    input: () => ({ kind: "totp", code: "000000" }),
  },
  {
    file: "lib/app/actions/orders/reveal-voucher-code.ts",
    name: "revealVoucherCodeAction",
    stepUp: "always",
    allowed: ["admin", "merchant"],
    input: () => ({ orderId: someOrderId }),
  },
];

/**
 * The sign-in steps, which come before a full session: the password step is public (and
 * throttled); the second-factor steps want a pending (password-only) session and refuse
 * anyone else as UNAUTHENTICATED.
 */
export const signInStepActions = [
  {
    file: "lib/app/actions/auth/sign-in.ts",
    name: "signInAction",
    access: "public",
    input: () => ({ email: "nobody@example.test", password: "not a password" }),
  },
  {
    file: "lib/app/actions/auth/verify-second-factor.ts",
    name: "verifySecondFactorAction",
    access: "pending",
    input: () => ({ method: "totp", code: "123456" }),
  },
  {
    file: "lib/app/actions/auth/confirm-totp-enrolment.ts",
    name: "confirmTotpEnrolmentAction",
    access: "pending",
    input: () => ({ code: "123456" }),
  },
] as const;
