import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/domain/auth/current-user";
import { listPasskeys } from "@/lib/domain/auth/mfa/passkeys";
import { getDb } from "@/lib/platform/db/client";
import { AddPasskeyForm } from "./add-passkey-form";
import { PasskeyList } from "./passkey-list";

/** The signed-in user's passkeys: list, add, remove. Server component: reads the list itself. */
export async function PasskeysSection() {
  const user = await requirePageUser();
  const passkeys = await listPasskeys(getDb(), user.id);
  return (
    <Card title="Passkeys" className="mt-4">
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
        A passkey confirms it&apos;s you with this device&apos;s screen lock or a security key, and it only works on
        this site, so a look-alike page cannot use it.
      </p>
      <PasskeyList
        passkeys={passkeys.map((p) => ({
          id: p.id,
          name: p.name,
          createdAt: p.createdAt.toISOString(),
          lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
        }))}
      />
      <AddPasskeyForm />
    </Card>
  );
}
