"use server";

import { revalidatePath } from "next/cache";
import { changeUserRole } from "@/lib/domain/users/manage-users";
import { changeRoleInput } from "@/lib/app/validation/users";
import { defineAction } from "../define-action";

export const changeUserRoleAction = defineAction({
  name: "changeUserRole",
  permission: "users:manage",
  input: changeRoleInput,
  stepUp: true,
  async run(input, { db, actor }) {
    const user = await changeUserRole(db, actor, input);
    revalidatePath("/users");
    return { data: { id: user.id }, message: `${user.email} is now ${user.role}.` };
  },
});
