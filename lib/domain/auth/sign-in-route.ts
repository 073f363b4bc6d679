import { homePathFor } from "@/lib/domain/auth/navigation";
import type { Role } from "./permissions";
import type { SessionStage } from "./sessions";

/** The sign-in step's address, carrying the (already checked) callback path. */
export function signInStepPath(step: "verify" | "enrol", callbackPath: string): string {
  return callbackPath ? `/sign-in/${step}?${new URLSearchParams({ callbackUrl: callbackPath })}` : `/sign-in/${step}`;
}

/** Where a session goes next: its second-factor step while pending, else the checked callback or the role's home. */
export function nextPathFor(stage: SessionStage, role: Role, callbackPath: string): string {
  if (stage.stage === "pending") return signInStepPath(stage.needs, callbackPath);
  return callbackPath || homePathFor(role);
}
