"use server";

import { revalidatePath } from "next/cache";
import { formatMinor } from "@/lib/platform/money/convert";
import { setLowBalanceThreshold, setLowBalanceThresholdInput } from "@/lib/domain/wallet/low-balance-threshold";
import { defineAction } from "../define-action";

export const setLowBalanceThresholdAction = defineAction({
  name: "setLowBalanceThreshold",
  permission: "settings:manage",
  input: setLowBalanceThresholdInput,
  stepUp: true,
  async run(input, { db, actor }) {
    const saved = await setLowBalanceThreshold(db, actor, input);
    revalidatePath("/settings");
    revalidatePath("/wallet");
    return {
      data: { currency: saved.currency, amountMinor: saved.amountMinor.toString() },
      message: `${saved.currency} wallets below ${formatMinor(saved.amountMinor, saved.currency)} now show a low-balance warning.`,
    };
  },
});
