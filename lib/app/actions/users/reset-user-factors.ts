"use server";

import { revalidatePath } from "next/cache";
import { resetUserFactors } from "@/lib/domain/users/reset-user-factors";
import { resetUserFactorsInput } from "@/lib/app/validation/second-factor";
import { defineAction } from "../define-action";

export const resetUserFactorsAction = defineAction({
  name: "resetUserFactors",
  permission: "users:manage",
  stepUp: true,
  input: resetUserFactorsInput,
  async run(input, { db, actor }) {
    const result = await resetUserFactors(db, actor, input.userId);
    revalidatePath("/users");
    return {
      data: { id: input.userId },
      message: `Second factors of ${result.email} removed and their sessions ended; they set up a new one at their next sign-in.`,
    };
  },
});
