import { getServerSession } from "next-auth/next";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { getAuthOptions } from "./options";
import { isSessionRevoked, sessionIdOf } from "./revoke-session";
import type { SignedInUser } from "./authorize";

/**
 * The signed-in user as Postgres knows them now: a deactivated user, a changed role or a signed-out session takes
 * effect on the next request, not when the session token expires. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  // A token without a session id predates revocation and cannot be revoked: it is no session.
  const sid = sessionIdOf(session?.sid);
  if (!id || !sid) return null;
  if (await isSessionRevoked(getPrisma(), sid)) return null;
  const user = await getPrisma().user.findUnique({ where: { id } });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
