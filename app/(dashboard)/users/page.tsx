import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserRow } from "@/components/users/user-row";
import { countLiveSessionsByUser } from "@/lib/domain/account/live-sessions";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { sessionPolicy } from "@/lib/domain/auth/session-policy";
import { getDb } from "@/lib/platform/db/client";
import { listUsers } from "@/lib/domain/users/manage-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePagePermission("users:manage");
  const users = await listUsers(getDb());
  const liveSessions = await countLiveSessionsByUser(getDb(), sessionPolicy(), new Date());
  return (
    <>
      <PageHeader
        title="Users"
        description="Create users, assign roles, disable access and reset passwords. Every change is audited and applies on the user's next request."
      />
      <div className="space-y-6">
        <Card title="New user">
          <CreateUserForm />
        </Card>
        <Card title={`All users (${users.length})`}>
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {users.map((user) => (
              <UserRow
                key={user.id}
                user={{
                  id: user.id,
                  email: user.email,
                  name: user.name,
                  role: user.role,
                  disabled: user.disabledAt !== null,
                  isSelf: user.id === me.id,
                }}
                liveSessions={liveSessions.get(user.id) ?? 0}
              />
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
