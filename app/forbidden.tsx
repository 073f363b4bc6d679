import Link from "next/link";

export default function Forbidden() {
  return (
    // Inside the dashboard's own <main> (forbidden() is called by its pages): a landmark of its own would nest.
    <div className="mx-auto max-w-lg p-8">
      <h1 className="text-2xl font-semibold">403: not allowed</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        Your role does not have access to this page. If you need it, ask an administrator to change your role.
      </p>
      <Link href="/" className="mt-4 inline-block text-indigo-600 underline dark:text-indigo-400">
        Back to your dashboard
      </Link>
    </div>
  );
}
