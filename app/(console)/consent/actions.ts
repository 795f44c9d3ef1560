"use server";

/**
 * Consent page actions: admins only. Every export is built with defineAction (checked by
 * tests/auth/entry-points.test.ts), which enforces the session and role before anything runs.
 */
import { defineAction } from "@/lib/auth/guard";
import { decideApprovalFromConsole, decideInput } from "@/lib/consent/console/decide-action";

export const decideApprovalAction = defineAction({ name: "approve consent changes", roles: ["admin"], input: decideInput }, decideApprovalFromConsole);
