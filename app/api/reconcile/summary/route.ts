/**
 * GET /api/reconcile/summary — the Reconciliation header: the pass shown (latest succeeded), the pass running
 * if any, and per-audience member and gap counts. Every console role (the page is everyone's).
 */
import { NextResponse } from "next/server";
import { ALL_ROLES } from "@/lib/auth/roles";
import { withRoles } from "@/lib/auth/guard";
import { reconcileSummary } from "@/lib/console/reconcile/summary";

export const dynamic = "force-dynamic";

export const GET = withRoles(ALL_ROLES, async () => NextResponse.json(await reconcileSummary()));
