"use server";

import { revalidatePath } from "next/cache";
import { markNotificationRead } from "@/lib/domain/alerts/notifications";
import { markNotificationReadInput } from "@/lib/app/validation/notifications";
import { defineAction } from "../define-action";

/** Every signed-in person has their own notifications; the service touches only the caller's. */
export const markNotificationReadAction = defineAction({
  name: "markNotificationRead",
  permission: "signed-in",
  input: markNotificationReadInput,
  async run(input, { db, user }) {
    const marked = await markNotificationRead(db, user.id, input.notificationId, new Date());
    // The bell's count lives in the shell's layout.
    revalidatePath("/", "layout");
    return {
      data: { marked },
      message: marked ? "Marked read." : "Nothing changed: that is not one of your unread notifications.",
    };
  },
});
