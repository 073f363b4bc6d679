"use client";

import { useEffect, useState } from "react";
import { buttonClass } from "./button";
import { cn } from "./cn";

/**
 * Copies one value to the clipboard. The result ("Copied" / "Copy failed") is announced through
 * its own polite live region and cleared after a few seconds.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 3000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={copy} aria-label={label} className={buttonClass("secondary")}>
        Copy
      </button>
      <span
        role="status"
        aria-live="polite"
        className={cn(
          "text-xs",
          state === "failed" ? "text-red-600 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400",
        )}
      >
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : ""}
      </span>
    </span>
  );
}
