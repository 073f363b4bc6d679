"use server";

import { revalidatePath } from "next/cache";
import { setUserDisabled } from "@/lib/domain/users/manage-users";
import { setUserDisabledInput } from "@/lib/app/validation/users";
import { defineAction } from "../define-action";

export const setUserDisabledAction = defineAction({
  name: "setUserDisabled",
  permission: "users:manage",
  input: setUserDisabledInput,
  stepUp: true,
  async run(input, { db, actor }) {
    const user = await setUserDisabled(db, actor, input);
    revalidatePath("/users");
    return {
      data: { id: user.id },
      message: `${user.email} is ${input.disabled ? "disabled and signed out" : "enabled"}.`,
    };
  },
});
