"use server";

/**
 * Integration audit actions: ops and admins queue an audit for a worker. Built with defineAction (checked by
 * tests/auth/entry-points.test.ts), which enforces the session and role first.
 */
import { z } from "zod";
import { defineAction } from "@/lib/auth/guard";
import { AUDIT_RUNNING_ROLES } from "@/lib/console/audit/load-audit-report";
import { requestAuditRun } from "@/lib/console/audit/request-audit";

export const runAuditAction = defineAction({ name: "run the integration audit", roles: AUDIT_RUNNING_ROLES, input: z.object({}).strict() }, requestAuditRun);
