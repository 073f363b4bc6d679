import { octoJson } from "./wire/decimal-json";
import { octoError } from "./wire/error-codes";

/** Verbatim from help.octo.uz/en/refunds.html; OCTO sends it on every answer, success or error. */
export const octoApiMessageForDevelopers =
  "The ErrorMessage field is outdated. Please switch to errMessage for unification of the responses. Also, please know that in the future, all fields except error and errMessage will be passed to data. For more information, please contact the technical support of the service.";

/** OCTO answers HTTP 200 even for errors; the outcome travels in the body's `error`. */
function octoBody(body: Record<string, unknown>): Response {
  return new Response(octoJson(body), {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}

export function octoSuccess(data: Record<string, unknown>): Response {
  return octoBody({
    error: 0,
    errMessage: null,
    data,
    errorMessage: null,
    apiMessageForDevelopers: octoApiMessageForDevelopers,
  });
}

export function octoFailure(code: number, message: string): Response {
  return octoBody({
    error: code,
    errMessage: message,
    data: null,
    errorMessage: message,
    apiMessageForDevelopers: octoApiMessageForDevelopers,
  });
}

export const wrongSecret = () => octoFailure(octoError.wrongSecret, "Wrong secret");
export const wrongRefundAmount = () => octoFailure(octoError.wrongRefundAmount, "Wrong amount to refund.");
export const dataFormatError = (detail: string) => octoFailure(octoError.dataFormat, `Data format error: ${detail}`);
/** [OURS] OCTO publishes no code for these; 3 is ours (the old doc's 3 was "invalid refund amount"). */
export const wrongPaymentState = (message: string) => octoFailure(octoError.wrongPaymentState, message);
