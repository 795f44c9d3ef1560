"use server";

/**
 * Policy editing and the routing simulator: admin only, like the page. Every export is built with defineAction
 * (checked by tests/auth/entry-points.test.ts), which enforces the session and role before anything runs.
 */
import { z } from "zod";
import { defineAction } from "@/lib/auth/guard";
import { getPrisma } from "@/lib/db/client";
import { savePolicyFromConsole, savePolicyInput } from "@/lib/console/edit-policy";
import { simulateInput, simulateRouting } from "@/lib/console/simulate/simulate-routing";
import { withConsoleOdoo } from "@/lib/console/simulate/with-console-odoo";
import { searchPartners } from "@/lib/sync/simulate/search-partners";

export const savePolicyAction = defineAction(
  { name: "change the sync policy", roles: ["admin"], input: savePolicyInput },
  savePolicyFromConsole,
);

export const searchPartnersAction = defineAction(
  { name: "search Odoo partners", roles: ["admin"], input: z.object({ query: z.string().trim().min(1).max(200) }) },
  ({ query }) => withConsoleOdoo((odoo) => searchPartners(odoo, query)),
);

export const simulateRoutingAction = defineAction(
  { name: "simulate routing", roles: ["admin"], input: simulateInput },
  (input) => withConsoleOdoo((odoo) => simulateRouting(getPrisma(), odoo, input)),
);
