import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import {
  getPendingSignIn,
  getRequestMeta,
  getSessionForSecondFactor,
  type PendingSignIn,
} from "@/lib/domain/auth/current-user";
import { getDb } from "@/lib/platform/db/client";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { currentRequestId } from "@/lib/platform/http/incoming-request-id";
import { log } from "@/lib/platform/log/logger";
import { withRequestContext } from "@/lib/platform/log/request-context";
import { validationFailure } from "@/lib/platform/refusal";
import type { ActionResult } from "../action-result";

/** A sign-in step's result, with the fields that are safe to show again (never a password or a code). */
export type SignInStepResult<Data> = ActionResult<Data> & { values?: Record<string, string> };

export interface SignInStepContext<Stage extends "anyone" | "pending" | "second-factor"> {
  db: Database;
  meta: { ip: string; userAgent: string | null };
  /** The password-verified session waiting for its second factor (session: "pending" only). */
  pending: Stage extends "pending" ? PendingSignIn : null;
}

function inputObject(raw: unknown): unknown {
  if (!(raw instanceof FormData)) return raw;
  const object: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of raw.entries()) if (!key.startsWith("$ACTION")) object[key] = value;
  return object;
}

/**
 * defineAction for the steps before a session is full, which defineAction (full sessions only)
 * refuses by design: "anyone" for the password step, "pending" for the second factor. Same
 * order: session, zod input, the step, failures mapped to a typed result; internals are logged.
 */
export function defineSignInStepAction<
  Schema extends z.ZodType,
  Data,
  Stage extends "anyone" | "pending" | "second-factor",
>(config: {
  name: string;
  session: Stage;
  input: Schema;
  /** Input fields shown again after a refusal. */
  echo?: readonly string[];
  run: (input: z.output<Schema>, ctx: SignInStepContext<Stage>) => Promise<{ data: Data; message: string }>;
}) {
  return async function action(
    _previous: SignInStepResult<Data> | null,
    raw: unknown,
  ): Promise<SignInStepResult<Data>> {
    return withRequestContext({ requestId: await currentRequestId() }, () => run(raw));
  };

  async function run(raw: unknown): Promise<SignInStepResult<Data>> {
    const object = inputObject(raw);
    const values: Record<string, string> = {};
    if (object && typeof object === "object") {
      for (const field of config.echo ?? []) {
        const value = (object as Record<string, unknown>)[field];
        if (typeof value === "string") values[field] = value.slice(0, 254);
      }
    }
    try {
      const pending = config.session === "pending" ? await getPendingSignIn() : null;
      if (config.session === "pending" && !pending) {
        throw new AppError("UNAUTHENTICATED", "This sign-in has ended. Sign in again.");
      }
      // "second-factor": a full session (a step-up) or a pending one with a factor to verify.
      if (config.session === "second-factor" && !(await getSessionForSecondFactor())) {
        throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      }
      const parsed = config.input.safeParse(object);
      if (!parsed.success) return { ...validationFailure(parsed.error), values };
      const meta = await getRequestMeta();
      const ctx = { db: getDb(), meta, pending } as SignInStepContext<Stage>;
      const result = await config.run(parsed.data, ctx);
      return { ok: true, ...result };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        return {
          ok: false,
          code: error.code,
          message: error.userMessage,
          fieldErrors: error.options.fieldErrors,
          values,
        };
      }
      log.error({ action: config.name, err: error }, "action failed");
      return {
        ok: false,
        code: "INTERNAL",
        message: "Something went wrong on our side. Nothing was changed; try again.",
        values,
      };
    }
  }
}
