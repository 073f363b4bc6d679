"use client";

import { useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { NotificationBell } from "./notification-bell";
import { SidebarNav } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

interface AppShellProps {
  items: { href: string; label: string }[];
  user: { name: string; email: string; roleLabel: string };
  sandbox: boolean;
  unreadNotifications: number;
  children: ReactNode;
}

/** Sidebar on wide screens; a top bar with a menu button below the md breakpoint (390-px phones). */
export function AppShell({ items, user, sandbox, unreadNotifications, children }: AppShellProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <header className="flex items-center justify-between border-b border-zinc-200 bg-white px-4 py-3 md:hidden dark:border-zinc-800 dark:bg-zinc-900">
        <span className="font-semibold">Payments Ops</span>
        <NotificationBell unread={unreadNotifications} className="ml-auto mr-3" />
        <button
          type="button"
          className="rounded-md border border-zinc-300 px-3 py-1 text-sm dark:border-zinc-700"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? "Close menu" : "Menu"}
        </button>
      </header>
      <aside
        id="sidebar"
        className={cn(
          menuOpen ? "block" : "hidden",
          "border-b border-zinc-200 bg-white p-4 md:sticky md:top-0 md:block md:h-screen md:w-60 md:shrink-0 md:border-b-0 md:border-r dark:border-zinc-800 dark:bg-zinc-900",
        )}
      >
        <div className="mb-6 hidden md:block">
          <div className="flex items-center justify-between gap-2">
            <p className="font-semibold">Payments Ops</p>
            <NotificationBell unread={unreadNotifications} />
          </div>
          {sandbox ? (
            <p className="mt-1 inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-500/20 dark:text-amber-200">
              Sandbox mode
            </p>
          ) : null}
        </div>
        <SidebarNav items={items} onNavigate={() => setMenuOpen(false)} />
        <div className="mt-6 border-t border-zinc-200 pt-4 text-sm dark:border-zinc-800">
          <p className="font-medium" data-testid="signed-in-user">
            {user.name}
          </p>
          <p className="truncate text-zinc-600 dark:text-zinc-400">{user.email}</p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">
            Role: <span data-testid="signed-in-role">{user.roleLabel}</span>
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <ThemeToggle />
            <SignOutButton />
          </div>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 p-4 md:p-8">
        {children}
      </main>
    </div>
  );
}
