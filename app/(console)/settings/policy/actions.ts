"use server";

/**
 * Policy editing: admin only. Every export is built with defineAction (checked by
 * tests/auth/entry-points.test.ts), which enforces the session and role before anything runs.
 */
import { defineAction } from "@/lib/auth/guard";
import { savePolicyFromConsole, savePolicyInput } from "@/lib/console/edit-policy";

export const savePolicyAction = defineAction(
  { name: "change the sync policy", roles: ["admin"], input: savePolicyInput },
  savePolicyFromConsole,
);
