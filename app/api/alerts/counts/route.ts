/**
 * GET /api/alerts/counts — the bell in the header: {open, unacknowledged, critical} among the alerts the
 * signed-in user may see (ops and admin: all; marketing and finance: their team's). Any signed-in role.
 */
import { NextResponse } from "next/server";
import { withRoles } from "@/lib/auth/guard";
import { ALL_ROLES } from "@/lib/auth/roles";
import { countAlerts } from "@/lib/console/alerts/count-alerts";

export const dynamic = "force-dynamic";

export const GET = withRoles(ALL_ROLES, async (_req, { user }) => NextResponse.json(await countAlerts(user.role), { headers: { "cache-control": "no-store" } }));
