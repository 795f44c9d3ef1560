/**
 * GET /api/revenue?currency&sort&dir&page — revenue per month, company and currency from the latest read-back
 * (one page, sorted in Postgres), the chart's series per currency, the stores of ours it read, and the pass
 * under way if any. Finance and admins (the Revenue page's roles).
 */
import { NextResponse } from "next/server";
import { withRoles } from "@/lib/auth/guard";
import { pageBySlug } from "@/lib/auth/roles";
import { listRevenue } from "@/lib/console/revenue/list-revenue";
import { parseQuery, revenueFilterSchema } from "@/lib/console/revenue/revenue-filter";

export const dynamic = "force-dynamic";

export const GET = withRoles(pageBySlug("revenue").roles, async (req) => NextResponse.json(await listRevenue(parseQuery(revenueFilterSchema, req.nextUrl.searchParams))));
