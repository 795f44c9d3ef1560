/**
 * GET /api/reconcile/gaps/export?audience&kind&q — the filtered gaps of the latest pass as a CSV download
 * (every matching row, not just one page). Every console role.
 */
import { ALL_ROLES } from "@/lib/auth/roles";
import { withRoles } from "@/lib/auth/guard";
import { exportGapsCsv } from "@/lib/console/reconcile/export-gaps";
import { parseGapFilter } from "@/lib/console/reconcile/gap-filter";

export const dynamic = "force-dynamic";

export const GET = withRoles(ALL_ROLES, async (req) => {
  const filter = parseGapFilter(req.nextUrl.searchParams);
  const name = `reconciliation-gaps${filter.kind ? `-${filter.kind}` : ""}.csv`;
  return new Response(exportGapsCsv(filter), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" } });
});
