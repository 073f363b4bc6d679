"use server";

import { revalidatePath } from "next/cache";
import { resetUserPassword } from "@/lib/domain/users/manage-users";
import { resetPasswordInput } from "@/lib/app/validation/users";
import { defineAction } from "../define-action";

export const resetUserPasswordAction = defineAction({
  name: "resetUserPassword",
  permission: "users:manage",
  input: resetPasswordInput,
  stepUp: true,
  async run(input, { db, actor }) {
    const user = await resetUserPassword(db, actor, input);
    revalidatePath("/users");
    return { data: { id: user.id }, message: `Password of ${user.email} reset; their sessions were ended.` };
  },
});
