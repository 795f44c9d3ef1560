import { getServerSession } from "next-auth/next";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { getAuthOptions } from "./options";
import type { SignedInUser } from "./authorize";

/**
 * The signed-in user as Postgres knows them now: a deactivated user or a changed role takes effect on the
 * next request, not when the session token expires. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getPrisma().user.findUnique({ where: { id } });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
