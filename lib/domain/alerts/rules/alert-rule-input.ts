import { z } from "zod";
import { roles } from "@/drizzle/schema/auth";
import { isTypedText, typedText } from "@/lib/app/validation/text";
import { roleLabels, type Role } from "@/lib/domain/auth/permissions";
import { rolesWith } from "../alert-audience";
import { alertRuleCatalogue, alertRuleEntry, type AlertRuleName } from "./alert-rule-catalogue";
import { alertDeliveryModes } from "./alert-rule-settings";

const ruleNames = alertRuleCatalogue.map((entry) => entry.rule) as [AlertRuleName, ...AlertRuleName[]];

/** The unit a threshold is typed in, as the Settings card and its errors say it. */
export const thresholdUnitWords = { hours: "hours", days: "days of runway", count: "refused webhooks" } as const;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The form field of a team's on/off checkbox: present ("on") when ticked, absent when not. */
export const teamField = (team: Role) => `team_${team}` as const;

const checkbox = z.preprocess(
  (v) => (v === undefined ? false : v),
  z.union([z.literal(false), z.literal("on")], { error: "must be on or absent" }).transform((v) => v === "on"),
);

/**
 * One rule's row of the Settings card: a checkbox per team (absent means off), its threshold in
 * the rule's unit (only for a rule that has one) and how email and webhooks carry it.
 */
export const setAlertRuleInput = z
  .object({
    rule: z.enum(ruleNames, { error: "must be one of the alert rules" }),
    team_admin: checkbox,
    team_finance: checkbox,
    team_ops: checkbox,
    team_merchant: checkbox,
    // Checked against its rule below, so that every refusal names the rule.
    threshold: z.preprocess(blank, typedText({ max: 20 }).optional()),
    delivery: z.enum(alertDeliveryModes, { error: "must be immediate, hourly or daily" }),
  })
  .superRefine((input, ctx) => {
    const entry = alertRuleEntry(input.rule);
    if (!entry) return;
    const rule = `“${entry.label}”`;
    const audience = rolesWith(entry.permission);
    for (const team of roles)
      if (input[teamField(team)] && !audience.includes(team))
        ctx.addIssue({
          code: "custom",
          path: [teamField(team)],
          message: `cannot be on for ${rule}: ${roleLabels[team]} may not open what it is about`,
        });
    const { threshold } = entry;
    if (!threshold) {
      if (input.threshold !== undefined)
        ctx.addIssue({ code: "custom", path: ["threshold"], message: `is not used by ${rule}` });
      return;
    }
    // Already refused for its characters.
    if (input.threshold !== undefined && !isTypedText(input.threshold)) return;
    const value =
      input.threshold !== undefined && /^\d{1,9}$/.test(input.threshold) ? Number(input.threshold) : Number.NaN;
    if (!(value >= threshold.min && value <= threshold.max))
      ctx.addIssue({
        code: "custom",
        path: ["threshold"],
        message: `of ${rule} must be a whole number of ${thresholdUnitWords[threshold.unit]} from ${threshold.min.toLocaleString("en-US")} to ${threshold.max.toLocaleString("en-US")}`,
      });
  })
  .transform((input) => ({
    rule: input.rule,
    teams: roles.filter((team) => input[teamField(team)]),
    threshold: input.threshold === undefined ? null : Number(input.threshold),
    delivery: input.delivery,
  }));

export type SetAlertRuleInput = z.output<typeof setAlertRuleInput>;
