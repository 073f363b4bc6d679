import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/domain/auth/current-user";
import { homePathFor } from "@/lib/domain/auth/navigation";

export default async function HomePage() {
  const user = await requirePageUser();
  redirect(homePathFor(user.role));
}
