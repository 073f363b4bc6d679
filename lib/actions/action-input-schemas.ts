import type { z } from "zod";
import { placeOrderInput } from "@/lib/orders/place-order-input";
import { requestPaymentInput } from "@/lib/payments/request/request-payment-input";
import { approveRefundInput, rejectRefundInput, setApprovalThresholdInput } from "@/lib/refunds/decision-input";
import { issueRefundInput } from "@/lib/refunds/refund-input";
import { resumePaymentRequestInput, revealVoucherCodeInput, signOutInput, syncRefundsInput } from "@/lib/validation/action-inputs";
import { checkStepUpInput, confirmStepUpInput } from "@/lib/validation/action-inputs";
import { importPaymentSchema, syncPaymentSchema } from "@/lib/validation/payments";
import { advanceClockSchema } from "@/lib/validation/sandbox";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setUserDisabledSchema } from "@/lib/validation/users";
import { setLowBalanceThresholdInput } from "@/lib/wallet/low-balance-threshold";

/**
 * The input schema of every server action, by the action's export name, for the input fuzz
 * test (which fails when an action in lib/actions has no entry here).
 */
export const actionInputSchemas: Record<string, z.ZodType> = {
  signOutAction: signOutInput,
  createUserAction: createUserSchema,
  changeUserRoleAction: changeRoleSchema,
  setUserDisabledAction: setUserDisabledSchema,
  resetUserPasswordAction: resetPasswordSchema,
  requestPaymentAction: requestPaymentInput,
  resumePaymentRequestAction: resumePaymentRequestInput,
  advanceSandboxClockAction: advanceClockSchema,
  importPaymentAction: importPaymentSchema,
  syncPaymentAction: syncPaymentSchema,
  issueRefundAction: issueRefundInput,
  approveRefundAction: approveRefundInput,
  rejectRefundAction: rejectRefundInput,
  syncRefundsAction: syncRefundsInput,
  setApprovalThresholdAction: setApprovalThresholdInput,
  setLowBalanceThresholdAction: setLowBalanceThresholdInput,
  placeOrderAction: placeOrderInput,
  revealVoucherCodeAction: revealVoucherCodeInput,
  confirmStepUpAction: confirmStepUpInput,
  checkStepUpAction: checkStepUpInput,
};
