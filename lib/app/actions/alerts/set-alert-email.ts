"use server";

import { revalidatePath } from "next/cache";
import { setAlertEmail, setAlertEmailInput } from "@/lib/domain/alerts/channel-preferences";
import { defineAction } from "../define-action";

/** Each person's own choice: nobody sets another's. */
export const setAlertEmailAction = defineAction({
  name: "setAlertEmail",
  permission: "signed-in",
  input: setAlertEmailInput,
  async run(input, { db, actor, user }) {
    await setAlertEmail(db, actor, user.id, input.enabled);
    revalidatePath("/account");
    return {
      data: { enabled: input.enabled },
      message: input.enabled
        ? `Alerts for your team are now also emailed to ${user.email}.`
        : "You no longer get alerts by email; they stay in the notification centre.",
    };
  },
});
