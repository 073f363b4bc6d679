import { boolean, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";
import { roleEnum, users } from "./auth";

/**
 * What an admin set for an alert rule; a rule with no row keeps the defaults its catalogue entry
 * gives (lib/domain/alerts/rules). `threshold` is in the rule's own unit (hours, days, a count).
 */
export const alertRuleSettings = pgTable("alert_rule_settings", {
  rule: text().primaryKey(),
  threshold: integer(),
  /** How email and webhooks carry it: "immediate", "hourly" or "daily" (a digest). In-app is always immediate. */
  delivery: text().notNull().default("immediate"),
  updatedBy: uuid().references(() => users.id),
  updatedAt: timestamptz().notNull().defaultNow(),
});

/** A rule switched on or off for one team (role); a team with no row keeps the rule's default. */
export const alertRuleTeams = pgTable(
  "alert_rule_teams",
  {
    rule: text().notNull(),
    team: roleEnum().notNull(),
    enabled: boolean().notNull(),
    updatedBy: uuid().references(() => users.id),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.rule, t.team] })],
);
