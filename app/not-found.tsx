import { NotFoundMessage } from "@/components/shell/not-found-message";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-8">
      <NotFoundMessage />
    </main>
  );
}
