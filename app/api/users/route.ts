/**
 * GET /api/users — console users (no password hashes), for admins' tooling. Admin only:
 * 401 without a session, 403 for other roles.
 */
import { NextResponse } from "next/server";
import { withRoles } from "@/lib/auth/guard";
import { listConsoleUsers } from "@/lib/console/manage-users";

export const dynamic = "force-dynamic";

export const GET = withRoles(["admin"], async () => {
  const users = await listConsoleUsers();
  return NextResponse.json({
    users: users.map(({ passwordHash, ...u }) => ({ ...u, signIn: passwordHash ? "password" : "sso" })),
  });
});
