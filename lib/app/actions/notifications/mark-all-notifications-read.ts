"use server";

import { revalidatePath } from "next/cache";
import { markAllNotificationsRead } from "@/lib/domain/alerts/notifications";
import { markAllNotificationsReadInput } from "@/lib/app/validation/notifications";
import { defineAction } from "../define-action";

export const markAllNotificationsReadAction = defineAction({
  name: "markAllNotificationsRead",
  permission: "signed-in",
  input: markAllNotificationsReadInput,
  async run(_input, { db, user }) {
    const marked = await markAllNotificationsRead(db, user.id, new Date());
    revalidatePath("/", "layout");
    return {
      data: { marked },
      message:
        marked === 0
          ? "Nothing was unread."
          : `Marked ${marked} ${marked === 1 ? "notification" : "notifications"} read.`,
    };
  },
});
