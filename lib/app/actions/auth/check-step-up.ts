"use server";

import { checkStepUpInput } from "@/lib/app/validation/action-inputs";
import { defineAction } from "../define-action";

/**
 * Answers ok when this session's second factor is fresh, STEP_UP_REQUIRED otherwise. Export
 * buttons ask it before starting a download (a file link cannot show a dialog); the export
 * route checks freshness again itself.
 */
export const checkStepUpAction = defineAction({
  name: "checkStepUp",
  permission: "signed-in",
  input: checkStepUpInput,
  stepUp: true,
  async run() {
    return { data: { fresh: true }, message: "Your second factor is fresh." };
  },
});
