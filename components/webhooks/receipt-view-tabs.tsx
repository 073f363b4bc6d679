import Link from "next/link";
import type { ReceiptFilters } from "@/lib/app/validation/webhooks";

const views = [
  {
    label: "Authenticated deliveries",
    href: "/webhooks",
    matches: (s: ReceiptFilters["signature"]) => s === undefined || s === "valid",
  },
  {
    label: "Refused deliveries",
    href: "/webhooks?signature=refused",
    matches: (s: ReceiptFilters["signature"]) => s === "refused" || s === "invalid" || s === "missing",
  },
  { label: "All", href: "/webhooks?signature=any", matches: (s: ReceiptFilters["signature"]) => s === "any" },
] as const;

/** Authenticated deliveries by default; refused ones (anyone can send them) on their own view. */
export function ReceiptViewTabs({ signature }: { signature: ReceiptFilters["signature"] }) {
  return (
    <nav aria-label="Which deliveries" className="mb-4 flex gap-2 text-sm">
      {views.map((view) => {
        const current = view.matches(signature);
        return (
          <Link
            key={view.href}
            href={view.href}
            aria-current={current ? "page" : undefined}
            className={`rounded px-3 py-1.5 ${current ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "underline"}`}
          >
            {view.label}
          </Link>
        );
      })}
    </nav>
  );
}
