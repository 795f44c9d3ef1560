import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OdooClient } from "@/lib/odoo";
import { classifyEmail } from "@/lib/sync/email/classify-email";
import { canonicalJson } from "@/lib/sync/plan/canonical-json";
import type { DecisionContext } from "@/lib/sync/plan/plan-context";
import { defaultPolicy, getActivePolicy, parsePolicy, PolicyValidationError, type Policy } from "@/lib/sync/policy";
import { explainPartner } from "@/lib/sync/simulate/explain-partner";
import { readPartnerFamily, type PartnerFamily } from "@/lib/sync/simulate/read-partner-family";
import type { PartnerExplanation } from "@/lib/sync/simulate/types";
import { readSyncedByEmail } from "./read-synced";

export const simulateInput = z.object({
  partnerId: z.number().int().positive().max(2_147_483_647),
  /** The policy being edited (JSON text), explained beside the saved one; left out or unchanged: saved only. */
  policyJson: z.string().max(200_000).optional(),
});

export interface PolicySimulation {
  version: number | null;
  explanation: PartnerExplanation;
  /** The other people of the same commercial partner (the company and its contacts), one line each. */
  family: Pick<PartnerExplanation, "partnerId" | "name" | "verdict" | "headline">[];
}

export interface RoutingSimulation {
  partnerId: number;
  saved: PolicySimulation;
  edited: PolicySimulation | null;
  /** Why the edited policy could not be simulated (invalid JSON or policy). */
  editedError: string | null;
}

/**
 * The routing simulator behind Settings → Policy: reads one partner and its families from Odoo once, then
 * explains it under the saved policy and, when given and different, under the one being edited.
 */
export async function simulateRouting(prisma: PrismaClient, odoo: OdooClient, input: z.output<typeof simulateInput>): Promise<RoutingSimulation> {
  const active = await getActivePolicy(prisma);
  const saved = active?.policy ?? defaultPolicy();
  const { edited, error } = editedPolicy(input.policyJson, saved);
  const family = await readPartnerFamily(odoo, input.partnerId, edited ? [saved, edited] : [saved]);
  if (!family) throw new ApiError(404, "partner_not_found", `Odoo has no partner ${input.partnerId}.`);
  const synced = await readSyncedByEmail(prisma, family.partners.flatMap((p) => {
    const v = classifyEmail(p.email);
    return v.ok ? [v.email] : [];
  }));
  const simulate = (policy: Policy, version: number | null) => explainUnder(family, { policy, ref: family.ref, buying: family.buying }, synced, version);
  return {
    partnerId: input.partnerId,
    saved: simulate(saved, active?.version ?? null),
    edited: edited ? simulate(edited, null) : null,
    editedError: error,
  };
}

function explainUnder(family: PartnerFamily, ctx: DecisionContext, synced: Awaited<ReturnType<typeof readSyncedByEmail>>, version: number | null): PolicySimulation {
  const explain = (target: PartnerFamily["target"]) => {
    const v = classifyEmail(target.email);
    return explainPartner({ target, partners: family.partners, ctx, synced: (v.ok && synced.get(v.email)) || new Map() });
  };
  const people = family.partners.filter((p) => p.commercialId === family.target.commercialId && p.id !== family.target.id);
  return {
    version,
    explanation: explain(family.target),
    family: people.map((p) => {
      const e = explain(p);
      return { partnerId: e.partnerId, name: e.name, verdict: e.verdict, headline: e.headline };
    }),
  };
}

function editedPolicy(json: string | undefined, saved: Policy): { edited: Policy | null; error: string | null } {
  if (json === undefined) return { edited: null, error: null };
  try {
    const edited = parsePolicy(JSON.parse(json));
    return { edited: canonicalJson(edited) === canonicalJson(saved) ? null : edited, error: null };
  } catch (err) {
    if (err instanceof PolicyValidationError) return { edited: null, error: err.issues.map((i) => `${i.path}: ${i.message}`).join("; ") };
    if (err instanceof SyntaxError) return { edited: null, error: `Not valid JSON: ${err.message}` };
    throw err;
  }
}
