"use server";

/**
 * Alert actions: ops and admin acknowledge alerts and ask for a check now. Every export is built with
 * defineAction (checked by tests/auth/entry-points.test.ts), which enforces the session and role first.
 */
import { z } from "zod";
import { defineAction } from "@/lib/auth/guard";
import { acknowledgeAlert, acknowledgeInput } from "@/lib/console/alerts/acknowledge-alert";
import { requestCheck } from "@/lib/console/alerts/request-check";
import { ACKNOWLEDGING_ROLES } from "@/lib/console/alerts/visibility";

export const acknowledgeAlertAction = defineAction({ name: "acknowledge alerts", roles: ACKNOWLEDGING_ROLES, input: acknowledgeInput }, acknowledgeAlert);

export const checkAlertsAction = defineAction({ name: "run alert checks", roles: ACKNOWLEDGING_ROLES, input: z.object({}).strict() }, requestCheck);
