"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getQueryClient } from "@/lib/app/query/query-client";
import { ThemeKeeper } from "./shell/theme-keeper";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <ThemeKeeper />
      {children}
    </QueryClientProvider>
  );
}
