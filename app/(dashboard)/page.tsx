import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/current-user";
import { homePathFor } from "@/lib/navigation";

export default async function HomePage() {
  const user = await requirePageUser();
  redirect(homePathFor(user.role));
}
