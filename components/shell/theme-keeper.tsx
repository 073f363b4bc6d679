"use client";

import { useLayoutEffect } from "react";

/**
 * Re-applies the stored theme once React owns the page. ThemeScript sets it before first paint,
 * but when the root is rendered again on the client (a 403 or 404 from forbidden() / notFound()),
 * React writes <html> afresh and the class the script set is lost.
 */
export function ThemeKeeper() {
  useLayoutEffect(() => {
    try {
      const stored = localStorage.getItem("theme");
      const dark = stored ? stored === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
      document.documentElement.classList.toggle("dark", dark);
    } catch {
      // Storage blocked: the light theme stays.
    }
  }, []);
  return null;
}
