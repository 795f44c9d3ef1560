/**
 * GET /api/me — the signed-in user, their role and the console pages that role may open.
 * Any signed-in role; 401 without a session.
 */
import { NextResponse } from "next/server";
import { withRoles } from "@/lib/auth/guard";
import { ALL_ROLES, pagesFor } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

export const GET = withRoles(ALL_ROLES, async (_req, { user }) =>
  NextResponse.json({ user, pages: pagesFor(user.role).map((p) => ({ slug: p.slug, href: p.href, title: p.title })) }),
);
