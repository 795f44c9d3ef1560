import type { OdooClient } from "@/lib/odoo";
import type { Policy } from "@/lib/sync/policy";
import { BuyingIndex } from "@/lib/sync/plan/buying-index";
import { decidePartner } from "@/lib/sync/plan/decide-partner";
import { exclusionReason } from "@/lib/sync/plan/eligibility";
import { isSelectedByHierarchy } from "@/lib/sync/plan/hierarchy";
import { parsePartners, type PartnerRow } from "@/lib/sync/plan/partner-row";
import { tagNamesOf, type DecisionContext } from "@/lib/sync/plan/plan-context";
import { prefetch } from "@/lib/sync/plan/prefetch";
import { loadReferenceData, type ReferenceData } from "@/lib/sync/plan/reference-data";
import { partnerFields } from "@/lib/sync/plan/required-fields";
import { FULL_SCOPE, scanBuying } from "@/lib/sync/plan/scan-buying";
import type { ExceptionKind } from "@/lib/sync/types";

/** A partner behind a finding, as the examples show it. */
export interface PartnerFact {
  partnerId: number;
  name: string | null;
  rawEmail: string | null;
  detail?: string;
}

/**
 * One (audience, email) the planner would group: several commercial partners make it a duplicate. Ids only: one
 * of these is held per routed candidate, the one thing the audit keeps in memory per partner.
 */
export interface AddressGroup {
  audienceId: string | null;
  email: string;
  commercials: Set<number>;
  partnerIds: number[];
}

export interface PartnerDecisions {
  /** Per-partner planner exceptions (missing, invalid, several addresses, no route), all of them. */
  perPartner: Map<Exclude<ExceptionKind, "duplicate_email" | "staff_email">, PartnerFact[]>;
  /** Candidates grouped as the planner groups them (audience, normalised email). */
  groups: Map<string, AddressGroup>;
  /** staff_email exceptions, grouped like the planner's fingerprint (audience, email). */
  staffAddresses: Map<string, AddressGroup>;
  /** Kept out only for being staff or supplier-only. */
  keptOut: Array<PartnerFact & { reason: "staff" | "supplier_only" }>;
  ref: ReferenceData;
  partnersRead: number;
}

const keyOf = (audienceId: string | null, email: string) => `${audienceId ?? ""}\u0000${email}`;
const rawEmailOf = (p: PartnerRow) => (typeof p.email === "string" ? p.email : null);

/**
 * The planner's own decision for every partner of Odoo (lib/sync/plan: reference data, buying index, decidePartner),
 * read in keyset pages with only the fields the policy needs, archived partners included. Nothing is staged or
 * written: the audit only counts what a full run would raise, and which partners a single reason keeps out.
 */
export async function decidePartners(odoo: OdooClient, policy: Policy, now: Date): Promise<PartnerDecisions> {
  const pageSize = Math.min(policy.batching.odooPageSize, odoo.maxPageSize);
  const ref = await loadReferenceData(odoo, pageSize);
  const buying = new BuyingIndex();
  await scanBuying(odoo, buying, FULL_SCOPE, pageSize, { purchases: policy.commerce.enabled });
  const ctx: DecisionContext = { policy, ref, buying, nowSeconds: Math.floor(now.getTime() / 1000) };
  // The same decision with staff markers lifted: who is kept out by that one reason alone.
  const unstaffed: DecisionContext = { ...ctx, ref: { ...ref, staffPartnerIds: new Set() } };
  const out: PartnerDecisions = { perPartner: new Map(), groups: new Map(), staffAddresses: new Map(), keptOut: [], ref, partnersRead: 0 };
  const group = (into: Map<string, AddressGroup>, audienceId: string | null, email: string, commercialId: number, partnerId: number) => {
    const key = keyOf(audienceId, email);
    const g = into.get(key) ?? { audienceId, email, commercials: new Set<number>(), partnerIds: [] };
    g.commercials.add(commercialId);
    g.partnerIds.push(partnerId);
    into.set(key, g);
  };
  for await (const page of prefetch(odoo.pages("res.partner", { fields: partnerFields(policy), pageSize, activeTest: false }))) {
    for (const p of parsePartners(page)) {
      out.partnersRead++;
      const fact: PartnerFact = { partnerId: p.id, name: p.name, rawEmail: rawEmailOf(p) };
      const d = decidePartner(p, ctx);
      if (d.outcome === "candidate") group(out.groups, d.audienceId, d.email, p.commercialId, p.id);
      else if (d.outcome === "exception") {
        if (d.kind === "staff_email" && d.email) group(out.staffAddresses, d.perEmail?.audienceId ?? null, d.email, p.commercialId, p.id);
        else if (d.kind !== "duplicate_email" && d.kind !== "staff_email") {
          const list = out.perPartner.get(d.kind) ?? [];
          list.push({ ...fact, ...(typeof d.detail.reason === "string" ? { detail: d.detail.reason } : {}) });
          out.perPartner.set(d.kind, list);
        }
      } else if (d.reason === "staff" || d.reason === "supplier_only") {
        if (wouldBeEligible(p, d.reason, ctx, unstaffed)) out.keptOut.push({ ...fact, reason: d.reason });
      }
    }
  }
  return out;
}

function wouldBeEligible(p: PartnerRow, reason: "staff" | "supplier_only", ctx: DecisionContext, unstaffed: DecisionContext): boolean {
  const tags = tagNamesOf(p, ctx.ref);
  const lifted = reason === "staff"
    ? exclusionReason({ ...p, employee: false, partnerShare: true }, tags, unstaffed)
    : exclusionReason({ ...p, supplierRank: 0 }, tags, ctx);
  return lifted === null && isSelectedByHierarchy(p, tags, ctx);
}
