/**
 * GET /api/runs/{id}/progress — a run's progress bars (reading Odoo, planning, sending, checking /batches) with
 * rates and time left; polled by the run page while the run is active. Every console role (the Runs page is
 * everyone's). A malformed or unknown id is a 404, never a database error.
 */
import { NextResponse } from "next/server";
import { ALL_ROLES } from "@/lib/auth/roles";
import { withRoles } from "@/lib/auth/guard";
import { ApiError } from "@/lib/api/errors";
import { isUuid } from "@/lib/is-uuid";
import { loadRunProgress } from "@/lib/console/load-run-progress";

export const dynamic = "force-dynamic";

export const GET = withRoles(ALL_ROLES, async (_req, { params }) => {
  const { id } = (await params) as { id: string };
  const progress = isUuid(id) ? await loadRunProgress(id) : null;
  if (!progress) throw new ApiError(404, "not_found", "No such run.");
  return NextResponse.json(progress);
});
