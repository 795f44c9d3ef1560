import type { ConsentWritebackAction, Prisma } from "@/lib/generated/prisma/client";
import type { OptOutTarget } from "../types";

/** What the Odoo side must become for one event: opted out (true) or no longer opted out (false). */
export interface WritebackPlan {
  action: ConsentWritebackAction;
  target: string;
  /** For set_field: the value written to the partner field. */
  value: boolean;
}

export function planWriteback(target: OptOutTarget, optOut: boolean): WritebackPlan {
  if (target.kind === "partner_field") return { action: "set_field", target: `res.partner.${target.field}`, value: optOut };
  return { action: optOut ? "blacklist" : "unblacklist", target: "mail.blacklist", value: optOut };
}

export interface WritebackCause {
  eventId: string;
  source: string;
  firedAt: string | null;
  reason: string;
  value: boolean;
}

export function writebackRow(
  plan: WritebackPlan,
  args: { eventId: bigint; audienceId: string; email: string; cause: Omit<WritebackCause, "eventId" | "value"> },
): Prisma.ConsentWritebackCreateManyInput {
  const cause: WritebackCause = { eventId: args.eventId.toString(), value: plan.value, ...args.cause };
  return { eventId: args.eventId, audienceId: args.audienceId, email: args.email, action: plan.action, target: plan.target, cause: { ...cause } };
}
