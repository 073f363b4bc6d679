"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass, SelectInput, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { recordRefundFollowUpAction } from "@/lib/app/actions/refunds/record-refund-follow-up";

/** Records what was done about a refund whose money never reached the customer; a refused submission keeps what was typed. */
export function RefundFollowUpForm({ refundId, defaultTask }: { refundId: string; defaultTask: string }) {
  const router = useRouter();
  const { result, pending, onSubmit } = useKeptFormAction(recordRefundFollowUpAction);
  const errors = result?.ok === false ? result.fieldErrors : undefined;
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  const id = (field: string) => `follow-up-${field}-${refundId}`;
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      className="mt-3 grid gap-3 sm:grid-cols-2"
      aria-label="Record what was done about this refund"
      noValidate
    >
      <input type="hidden" name="refundId" value={refundId} />
      <Field id={id("task")} label="Follow-up task" errors={errors?.task}>
        <TextInput
          id={id("task")}
          name="task"
          defaultValue={defaultTask}
          maxLength={200}
          errors={errors?.task}
          aria-describedby={describedBy(id("task"), errors?.task)}
        />
      </Field>
      <Field
        id={id("assignee")}
        label="Assignee (optional)"
        errors={errors?.assigneeEmail}
        hint="A colleague's email address."
      >
        <TextInput
          id={id("assignee")}
          name="assigneeEmail"
          type="email"
          autoComplete="off"
          errors={errors?.assigneeEmail}
          aria-describedby={describedBy(id("assignee"), errors?.assigneeEmail, "hint")}
        />
      </Field>
      <div className="sm:col-span-2">
        <Field id={id("note")} label="Note (required)" errors={errors?.note}>
          <textarea
            id={id("note")}
            name="note"
            rows={2}
            maxLength={1000}
            className={inputClass}
            aria-invalid={errors?.note ? true : undefined}
            aria-describedby={describedBy(id("note"), errors?.note)}
          />
        </Field>
      </div>
      <Field id={id("state")} label="Task status" errors={errors?.state}>
        <SelectInput
          id={id("state")}
          name="state"
          defaultValue="open"
          errors={errors?.state}
          aria-describedby={describedBy(id("state"), errors?.state)}
        >
          <option value="open">Open: still to do</option>
          <option value="done">Done: the customer was refunded</option>
        </SelectInput>
      </Field>
      <div className="flex flex-wrap items-center gap-3 self-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Recording…" : "Record follow-up"}
        </Button>
        <FormStatus result={result} />
      </div>
    </form>
  );
}
