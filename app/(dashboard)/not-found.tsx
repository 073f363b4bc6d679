import { NotFoundMessage } from "@/components/shell/not-found-message";

/** notFound() from a dashboard page: inside the shell's <main>, so no landmark of its own. */
export default function DashboardNotFound() {
  return (
    <div className="mx-auto max-w-lg p-8">
      <NotFoundMessage />
    </div>
  );
}
