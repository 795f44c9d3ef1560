/**
 * GET /api/runs/{id}/monitoring — a run's Mailchimp calls per minute by endpoint and outcome, connection waits and
 * records per second; polled by the run page while the run is active. Every console role (the Runs page is
 * everyone's). A malformed or unknown id is a 404.
 */
import { NextResponse } from "next/server";
import { ALL_ROLES } from "@/lib/auth/roles";
import { withRoles } from "@/lib/auth/guard";
import { ApiError } from "@/lib/api/errors";
import { isUuid } from "@/lib/is-uuid";
import { loadRunMonitoring } from "@/lib/console/load-monitoring";

export const dynamic = "force-dynamic";

export const GET = withRoles(ALL_ROLES, async (_req, { params }) => {
  const { id } = (await params) as { id: string };
  const view = isUuid(id) ? await loadRunMonitoring(id) : null;
  if (!view) throw new ApiError(404, "not_found", "No such run.");
  return NextResponse.json(view);
});
