"use server";

import { revalidatePath } from "next/cache";
import { removeAuditedWebhookEndpoint, removeWebhookEndpointInput } from "@/lib/domain/alerts/webhook-endpoints";
import { AppError } from "@/lib/platform/errors";
import { defineAction } from "../define-action";

export const removeAlertWebhookAction = defineAction({
  name: "removeAlertWebhook",
  permission: "settings:manage",
  input: removeWebhookEndpointInput,
  stepUp: true,
  async run(input, { db, actor }) {
    if (!(await removeAuditedWebhookEndpoint(db, actor, input.endpointId)))
      throw new AppError("NOT_FOUND", "That webhook was already removed.");
    revalidatePath("/alerts");
    return {
      data: { endpointId: input.endpointId },
      message: "The webhook was removed: no more alerts are sent to it.",
    };
  },
});
