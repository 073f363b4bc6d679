import { roles } from "@/drizzle/schema/auth";
import { roleLabels } from "@/lib/domain/auth/permissions";

export function RoleOptions() {
  return roles.map((role) => (
    <option key={role} value={role}>
      {roleLabels[role]}
    </option>
  ));
}
