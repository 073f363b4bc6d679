import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-400 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

interface FieldProps {
  id: string;
  label: string;
  errors?: string[];
  hint?: string;
  children: ReactNode;
}

/** The label as the start of an error sentence: "Note (required)" + "is required" reads "Note is required". */
export const labelForSentence = (label: string): string => label.replace(/\s*\([^)]*\)\s*$/, "");

/** A label, the control, an optional hint and the field's errors, wired for screen readers. */
export function Field({ id, label, errors, hint, children }: FieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
          {labelForSentence(label)} {errors.join("; ")}
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, errors?: string[], hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function TextInput({
  errors,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { id: string; errors?: string[] }) {
  return <input className={inputClass} aria-invalid={errors?.length ? true : undefined} {...props} />;
}

export function SelectInput({
  errors,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { id: string; errors?: string[] }) {
  return <select className={inputClass} aria-invalid={errors?.length ? true : undefined} {...props} />;
}
