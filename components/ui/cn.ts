import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names and lets a later Tailwind class replace an earlier one of the same kind
 * (`min-h-9` then `min-h-7` keeps `min-h-7`). Without the merge both stay, and which wins is
 * decided by their order in the built CSS, not by the order written here.
 */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
