import type { z } from "zod";
import { placeOrderInput } from "@/lib/domain/orders/place-order-input";
import {
  changePasswordInput,
  revokeOtherSessionsInput,
  revokeOwnSessionInput,
  revokeUserSessionsInput,
} from "@/lib/app/validation/account";
import { requestPaymentInput } from "@/lib/domain/payments/request/request-payment-input";
import { approveRefundInput, rejectRefundInput, setApprovalThresholdInput } from "@/lib/domain/refunds/decision-input";
import { issueRefundInput } from "@/lib/domain/refunds/refund-input";
import { recordRefundFollowUpInput } from "@/lib/domain/refunds/follow-up/follow-up-input";
import {
  resumePaymentRequestInput,
  revealEsimActivationInput,
  revealVoucherCodeInput,
  signOutInput,
  syncRefundsInput,
} from "@/lib/app/validation/action-inputs";
import { checkStepUpInput, confirmStepUpInput, endStepUpInput } from "@/lib/app/validation/action-inputs";
import { importPaymentInput, syncPaymentInput } from "@/lib/app/validation/payments";
import { markAllNotificationsReadInput, markNotificationReadInput } from "@/lib/app/validation/notifications";
import { advanceClockInput } from "@/lib/app/validation/sandbox";
import { changeRoleInput, createUserInput, resetPasswordInput, setUserDisabledInput } from "@/lib/app/validation/users";
import {
  finishPasskeyRegistrationInput,
  finishPasskeyVerificationInput,
  removePasskeyInput,
  startPasskeyRegistrationInput,
  startPasskeyVerificationInput,
} from "@/lib/app/validation/passkeys";
import { setLowBalanceThresholdInput } from "@/lib/domain/wallet/low-balance-threshold";
import { addWebhookEndpointInput, removeWebhookEndpointInput } from "@/lib/domain/alerts/webhook-endpoints";
import { setAlertEmailInput } from "@/lib/domain/alerts/channel-preferences";
import { setAlertRuleInput } from "@/lib/domain/alerts/rules/alert-rule-input";
import {
  confirmTotpInput,
  regenerateRecoveryCodesInput,
  resetUserFactorsInput,
  signInFormInput,
  verifySecondFactorInput,
} from "@/lib/app/validation/second-factor";

/**
 * The input schema of every server action, by the action's export name, for the input fuzz
 * test (which fails when an action in lib/app/actions has no entry here).
 */
export const actionInputSchemas: Record<string, z.ZodType> = {
  signOutAction: signOutInput,
  createUserAction: createUserInput,
  changeUserRoleAction: changeRoleInput,
  setUserDisabledAction: setUserDisabledInput,
  resetUserPasswordAction: resetPasswordInput,
  requestPaymentAction: requestPaymentInput,
  resumePaymentRequestAction: resumePaymentRequestInput,
  advanceSandboxClockAction: advanceClockInput,
  importPaymentAction: importPaymentInput,
  syncPaymentAction: syncPaymentInput,
  issueRefundAction: issueRefundInput,
  approveRefundAction: approveRefundInput,
  rejectRefundAction: rejectRefundInput,
  syncRefundsAction: syncRefundsInput,
  recordRefundFollowUpAction: recordRefundFollowUpInput,
  setApprovalThresholdAction: setApprovalThresholdInput,
  setLowBalanceThresholdAction: setLowBalanceThresholdInput,
  setAlertRuleAction: setAlertRuleInput,
  placeOrderAction: placeOrderInput,
  revealVoucherCodeAction: revealVoucherCodeInput,
  startPasskeyRegistrationAction: startPasskeyRegistrationInput,
  finishPasskeyRegistrationAction: finishPasskeyRegistrationInput,
  removePasskeyAction: removePasskeyInput,
  startPasskeyVerificationAction: startPasskeyVerificationInput,
  finishPasskeyVerificationAction: finishPasskeyVerificationInput,
  changePasswordAction: changePasswordInput,
  revokeOwnSessionAction: revokeOwnSessionInput,
  revokeOtherSessionsAction: revokeOtherSessionsInput,
  revokeUserSessionsAction: revokeUserSessionsInput,
  revealEsimActivationAction: revealEsimActivationInput,
  signInAction: signInFormInput,
  verifySecondFactorAction: verifySecondFactorInput,
  confirmTotpEnrolmentAction: confirmTotpInput,
  confirmTotpAction: confirmTotpInput,
  regenerateRecoveryCodesAction: regenerateRecoveryCodesInput,
  resetUserFactorsAction: resetUserFactorsInput,
  confirmStepUpAction: confirmStepUpInput,
  endStepUpAction: endStepUpInput,
  checkStepUpAction: checkStepUpInput,
  markNotificationReadAction: markNotificationReadInput,
  markAllNotificationsReadAction: markAllNotificationsReadInput,
  addAlertWebhookAction: addWebhookEndpointInput({ live: true }),
  removeAlertWebhookAction: removeWebhookEndpointInput,
  setAlertEmailAction: setAlertEmailInput,
};
