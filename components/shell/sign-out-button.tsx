"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { signOutAction } from "@/lib/app/actions/auth/sign-out";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className="rounded-md px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 disabled:opacity-60 dark:text-zinc-300 dark:hover:bg-zinc-800"
      onClick={async () => {
        setPending(true);
        // The server revokes the session first; clearing the cookie follows either way.
        await signOutAction(null, {}).catch(() => null);
        await signOut({ callbackUrl: "/sign-in" });
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
