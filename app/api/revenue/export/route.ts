/**
 * GET /api/revenue/export?currency&sort&dir — every revenue row of the latest read-back as a CSV download
 * (not just one page). Finance and admins.
 */
import { withRoles } from "@/lib/auth/guard";
import { pageBySlug } from "@/lib/auth/roles";
import { exportRevenueCsv } from "@/lib/console/revenue/export-revenue";
import { parseQuery, revenueFilterSchema } from "@/lib/console/revenue/revenue-filter";

export const dynamic = "force-dynamic";

export const GET = withRoles(pageBySlug("revenue").roles, async (req) => {
  const filter = parseQuery(revenueFilterSchema, req.nextUrl.searchParams);
  return new Response(exportRevenueCsv(filter), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="revenue${filter.currency ? `-${filter.currency}` : ""}.csv"`, "cache-control": "no-store" },
  });
});
