import Link from "next/link";

/** The 404 sentence and the way back; the root page wraps it in a <main>, the dashboard's sits inside the shell's. */
export function NotFoundMessage() {
  return (
    <>
      <h1 className="text-2xl font-semibold">404: not found</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">There is nothing at this address.</p>
      <Link href="/" className="mt-4 inline-block text-indigo-600 underline dark:text-indigo-400">
        Back to your dashboard
      </Link>
    </>
  );
}
