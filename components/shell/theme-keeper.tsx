"use client";

import { useLayoutEffect } from "react";

function applyTheme(): void {
  try {
    const stored = localStorage.getItem("theme");
    const dark = stored ? stored === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    document.documentElement.classList.toggle("dark", dark);
  } catch {
    // Storage blocked: the light theme stays.
  }
}

/**
 * Re-applies the stored theme once React owns the page. ThemeScript sets it before first paint,
 * but when the root is rendered again on the client (a 403 or 404 from forbidden() / notFound()),
 * React writes <html> afresh and the class the script set is lost. With no stored choice the page
 * follows the system theme while it is open, as the operating system switches at dusk.
 */
export function ThemeKeeper() {
  useLayoutEffect(() => {
    applyTheme();
    const systemTheme = matchMedia("(prefers-color-scheme: dark)");
    systemTheme.addEventListener("change", applyTheme);
    return () => systemTheme.removeEventListener("change", applyTheme);
  }, []);
  return null;
}
