const signatureStyles: Record<string, string> = {
  valid: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  invalid: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
  missing: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200",
};

const outcomeStyles: Record<string, string> = {
  applied: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  duplicate: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  rejected: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
  ignored_out_of_order: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200",
  ignored: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

export function Badge({ value, styles }: { value: string; styles: Record<string, string> }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${styles[value] ?? ""}`}>
      {value.replaceAll("_", " ")}
    </span>
  );
}

export const SignatureBadge = ({ value }: { value: string }) => <Badge value={value} styles={signatureStyles} />;
export const OutcomeBadge = ({ value }: { value: string }) => <Badge value={value} styles={outcomeStyles} />;
