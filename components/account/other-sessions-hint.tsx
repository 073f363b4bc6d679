import Link from "next/link";

/** ASVS 7.4.3: after a factor changes, the way to end every other session, one click away. */
export function OtherSessionsHint() {
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      If someone else may have had your old factor,{" "}
      <Link href="/account#active-sessions" className="text-indigo-700 underline dark:text-indigo-300">
        sign out your other sessions
      </Link>
      .
    </p>
  );
}
