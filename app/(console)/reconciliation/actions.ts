"use server";

/**
 * Reconciliation: ops and admins start a read-back and repair gaps (a targeted run, or a consent write-back to
 * Odoo); marketing and finance look. Every export is built with defineAction.
 */
import { z } from "zod";
import { defineAction } from "@/lib/auth/guard";
import { repairFromConsole, startPassFromConsole } from "@/lib/console/reconcile/console-actions";
import { REPAIRABLE_KINDS, type RepairableKind } from "@/lib/reconcile/gap-kinds";

export const startPassAction = defineAction({ name: "start a read-back", roles: ["admin", "ops"], input: z.object({}) }, (_input, user) => startPassFromConsole(user));

const repairInput = z.object({
  kind: z.enum(REPAIRABLE_KINDS as [RepairableKind, ...RepairableKind[]]),
  email: z.email().max(320).optional(),
  audienceId: z.string().max(100).optional(),
  /** One order gap: its Mailchimp order id. */
  subject: z.string().min(1).max(200).optional(),
});

export const repairAction = defineAction({ name: "repair gaps", roles: ["admin", "ops"], input: repairInput }, repairFromConsole);
