"use server";

import { revalidatePath } from "next/cache";
import { roleLabels } from "@/lib/domain/auth/permissions";
import { alertRuleEntry } from "@/lib/domain/alerts/rules/alert-rule-catalogue";
import { setAlertRuleInput, thresholdUnitWords } from "@/lib/domain/alerts/rules/alert-rule-input";
import { saveAlertRule } from "@/lib/domain/alerts/rules/save-alert-rule";
import { defineAction } from "../define-action";

/** In-app notifications are always immediate; the delivery mode is how email and webhooks carry the rule. */
const deliveryWords = {
  immediate: "email and webhooks at once",
  hourly: "email and webhooks in an hourly digest",
  daily: "email and webhooks in a daily digest",
} as const;

const listWords = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;

export const setAlertRuleAction = defineAction({
  name: "setAlertRule",
  permission: "settings:manage",
  input: setAlertRuleInput,
  stepUp: true,
  async run(input, { db, actor }) {
    const saved = await saveAlertRule(db, actor, input);
    revalidatePath("/settings");
    const entry = alertRuleEntry(input.rule);
    const unit = entry?.threshold ? thresholdUnitWords[entry.threshold.unit] : null;
    const threshold =
      unit && saved.threshold !== null ? `, threshold ${saved.threshold.toLocaleString("en-US")} ${unit}` : "";
    const teams =
      saved.teams.length === 0 ? "off for every team" : `on for ${listWords(saved.teams.map((t) => roleLabels[t]))}`;
    return {
      data: { rule: input.rule, teams: saved.teams, threshold: saved.threshold, delivery: saved.delivery },
      message: `“${entry?.label ?? input.rule}” is ${teams}${threshold}, ${deliveryWords[saved.delivery]}.`,
    };
  },
});
