/**
 * GET /api/export/<table>?<the page's filters> — one console table as a CSV download (lib/console/exports lists
 * them). Any signed-in role may call it; each table answers only to the roles that see its page (else 403), with
 * the rows that page shows that role.
 */
import { ALL_ROLES } from "@/lib/auth/roles";
import { withRoles } from "@/lib/auth/guard";
import { exportTable } from "@/lib/console/exports/export-table";

export const dynamic = "force-dynamic";

export const GET = withRoles(ALL_ROLES, async (req, { params, user }) => {
  const { table } = await params;
  return exportTable(String(table), req.nextUrl.searchParams, user);
});
