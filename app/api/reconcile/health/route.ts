/**
 * GET /api/reconcile/health — marketing's audience health for the Overview: a send-readiness verdict per
 * audience with its reasons, members by status, and the members/gaps trend. Every console role.
 */
import { NextResponse } from "next/server";
import { ALL_ROLES } from "@/lib/auth/roles";
import { withRoles } from "@/lib/auth/guard";
import { audienceHealth } from "@/lib/console/reconcile/audience-health";

export const dynamic = "force-dynamic";

export const GET = withRoles(ALL_ROLES, async () => NextResponse.json(await audienceHealth()));
