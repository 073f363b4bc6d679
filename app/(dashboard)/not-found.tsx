import Link from "next/link";

/** notFound() from a dashboard page: inside the shell's <main>, so no landmark of its own. */
export default function DashboardNotFound() {
  return (
    <div className="mx-auto max-w-lg p-8">
      <h1 className="text-2xl font-semibold">404: not found</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">There is nothing at this address.</p>
      <Link href="/" className="mt-4 inline-block text-indigo-600 underline dark:text-indigo-400">
        Back to your dashboard
      </Link>
    </div>
  );
}
