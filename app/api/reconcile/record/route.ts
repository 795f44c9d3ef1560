/**
 * GET /api/reconcile/record?email= — one email across audiences: Odoo's value, the last value Bridgeline sent
 * and Mailchimp's, field by field, with its history and owners. Every console role.
 */
import { NextResponse } from "next/server";
import { z } from "zod";
import { ALL_ROLES } from "@/lib/auth/roles";
import { withRoles } from "@/lib/auth/guard";
import { recordView } from "@/lib/console/reconcile/record-view";

export const dynamic = "force-dynamic";

const query = z.object({ email: z.string().trim().min(3).max(320) });

export const GET = withRoles(ALL_ROLES, async (req) => {
  const { email } = query.parse({ email: req.nextUrl.searchParams.get("email") ?? "" });
  return NextResponse.json(await recordView(email));
});
