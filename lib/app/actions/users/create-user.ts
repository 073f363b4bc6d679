"use server";

import { revalidatePath } from "next/cache";
import { createUser } from "@/lib/domain/users/manage-users";
import { createUserInput } from "@/lib/app/validation/users";
import { defineAction } from "../define-action";

export const createUserAction = defineAction({
  name: "createUser",
  permission: "users:manage",
  input: createUserInput,
  stepUp: true,
  async run(input, { db, actor }) {
    const user = await createUser(db, actor, input);
    revalidatePath("/users");
    return { data: { id: user.id }, message: `Created ${user.email} as ${user.role}.` };
  },
});
