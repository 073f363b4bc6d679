import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { auditActorFor, requirePermission, requireUser } from "@/lib/domain/auth/current-user";
import type { Permission } from "@/lib/domain/auth/permissions";
import type { SessionUser } from "@/lib/domain/auth/sessions";
import { stepUpGateFor } from "@/lib/domain/auth/step-up-checks";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { getDb } from "@/lib/platform/db/client";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { currentRequestId } from "@/lib/platform/http/incoming-request-id";
import { log } from "@/lib/platform/log/logger";
import { withRequestContext } from "@/lib/platform/log/request-context";
import { validationFailure } from "@/lib/platform/refusal";
import type { ActionResult } from "./action-result";

export interface ActionContext {
  db: Database;
  user: SessionUser;
  actor: AuditActor;
}

/** FormData → a plain object; a name that appears several times (checkboxes) becomes an array. */
function inputObject(raw: unknown): unknown {
  if (raw instanceof FormData) {
    const object: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
    for (const key of new Set(raw.keys())) {
      if (key.startsWith("$ACTION")) continue;
      const values = raw.getAll(key);
      object[key] = values.length === 1 && values[0] !== undefined ? values[0] : values;
    }
    return object;
  }
  return raw;
}

/**
 * Every server action is built with this. In order: authenticate and authorize (inside the
 * action, never only in middleware), parse the input with zod, run the service, and map any
 * failure to a typed result the form can show. Internals are logged (with the request id), never returned.
 */
export function defineAction<Schema extends z.ZodType, Data>(config: {
  name: string;
  /** "signed-in": any user with a valid session (e.g. signing out); otherwise one permission. */
  permission: Permission | "signed-in";
  input: Schema;
  /**
   * Money and power actions: true, or a rule on the parsed input (e.g. only refunds above the
   * approval threshold). When it applies and the session's second factor is older than
   * STEP_UP_MAX_AGE_MINUTES, the action answers STEP_UP_REQUIRED and runs nothing.
   */
  stepUp?: true | ((input: z.output<Schema>, ctx: ActionContext) => boolean | Promise<boolean>);
  run: (input: z.output<Schema>, ctx: ActionContext) => Promise<{ data: Data; message: string }>;
}) {
  return async function action(_previous: ActionResult<Data> | null, raw: unknown): Promise<ActionResult<Data>> {
    return withRequestContext({ requestId: await currentRequestId() }, () => run(raw));
  };

  async function run(raw: unknown): Promise<ActionResult<Data>> {
    try {
      const user = config.permission === "signed-in" ? await requireUser() : await requirePermission(config.permission);
      const parsed = config.input.safeParse(inputObject(raw));
      if (!parsed.success) return validationFailure(parsed.error);
      const ctx: ActionContext = { db: getDb(), user, actor: await auditActorFor(user) };
      const { stepUp } = config;
      if (stepUp) {
        const refusal = await stepUpGateFor(ctx.db, user, stepUp === true ? true : () => stepUp(parsed.data, ctx));
        if (refusal) return refusal;
      }
      const result = await config.run(parsed.data, ctx);
      return { ok: true, ...result };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        return { ok: false, code: error.code, message: error.userMessage, fieldErrors: error.options.fieldErrors };
      }
      log.error({ action: config.name, err: error }, "action failed");
      return {
        ok: false,
        code: "INTERNAL",
        message: "Something went wrong on our side. Nothing was changed; try again.",
      };
    }
  }
}
