/**
 * GET /api/reconcile/gaps?audience&kind&q&sort&dir&page — one page (50) of the latest pass's gaps, filtered,
 * searched by email and sorted in Postgres, with the filtered total. Every console role.
 */
import { NextResponse } from "next/server";
import { ALL_ROLES } from "@/lib/auth/roles";
import { withRoles } from "@/lib/auth/guard";
import { parseGapFilter } from "@/lib/console/reconcile/gap-filter";
import { listGaps } from "@/lib/console/reconcile/list-gaps";

export const dynamic = "force-dynamic";

export const GET = withRoles(ALL_ROLES, async (req) => NextResponse.json(await listGaps(parseGapFilter(req.nextUrl.searchParams))));
