"use server";

import { revalidatePath } from "next/cache";
import { addAuditedWebhookEndpoint, addWebhookEndpointInput } from "@/lib/domain/alerts/webhook-endpoints";
import { roleLabels } from "@/lib/domain/auth/permissions";
import { isSandbox } from "@/lib/platform/env";
import { defineAction } from "../define-action";

export const addAlertWebhookAction = defineAction({
  name: "addAlertWebhook",
  permission: "settings:manage",
  input: addWebhookEndpointInput({ live: !isSandbox }),
  stepUp: true,
  async run(input, { db, actor }) {
    const added = await addAuditedWebhookEndpoint(db, actor, input);
    revalidatePath("/alerts");
    return {
      // Shown once, to the admin who added it: the receiver needs it to check signatures.
      data: { endpointId: added.id, signingSecret: added.signingSecret },
      message: `${roleLabels[input.team]} alerts now also go to “${input.name}”. Copy its signing secret now: it is not shown again.`,
    };
  },
});
