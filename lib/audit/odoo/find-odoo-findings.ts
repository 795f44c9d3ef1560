import type { Policy } from "@/lib/sync/policy";
import { routePartner } from "@/lib/sync/plan/route-partner";
import type { AudienceLabel } from "../label-audiences";
import { buildFinding } from "../build-finding";
import type { Finding, FindingExample } from "../types";
import type { AddressGroup, PartnerDecisions, PartnerFact } from "./decide-partners";

const partnerExample = (p: PartnerFact): FindingExample => ({
  label: `partner ${p.partnerId}`, partnerIds: [p.partnerId],
  ...(p.name ? { name: p.name } : {}), ...(p.rawEmail ? { email: p.rawEmail } : {}), ...(p.detail ? { detail: p.detail } : {}),
});

const groupExample = (g: AddressGroup, what: string, label: AudienceLabel): FindingExample => ({
  label: `${g.partnerIds.length} partners · ${label(g.audienceId)}`,
  partnerIds: [...g.partnerIds].sort((a, b) => a - b),
  email: g.email,
  detail: what,
});

/** Data-quality findings from the planner's decisions: the same rules a full run applies, counted. */
export function findOdooFindings(d: PartnerDecisions, policy: Policy, label: AudienceLabel): Finding[] {
  const per = (kind: Parameters<PartnerDecisions["perPartner"]["get"]>[0]) => d.perPartner.get(kind) ?? [];
  const duplicates = [...d.groups.values()].filter((g) => g.commercials.size > 1);
  const staffAddresses = [...d.staffAddresses.values()];
  const unrouted = companiesWithoutRoute(d, policy);
  return [
    buildFinding("missing_email", { count: per("missing_email").length, severity: "warning", examples: per("missing_email").map(partnerExample) }),
    buildFinding("invalid_email", { count: per("invalid_email").length, severity: "warning", examples: per("invalid_email").map(partnerExample) }),
    buildFinding("multiple_emails", { count: per("multiple_emails").length, severity: "warning", examples: per("multiple_emails").map(partnerExample) }),
    buildFinding("duplicate_email", {
      count: duplicates.length, severity: "warning",
      examples: duplicates.map((g) => groupExample(g, `${g.commercials.size} different customers`, label)),
      facts: { partners: duplicates.reduce((n, g) => n + g.partnerIds.length, 0) },
    }),
    buildFinding("staff_email", {
      count: staffAddresses.length, severity: "warning",
      examples: staffAddresses.map((g) => groupExample(g, "a staff member's address", label)),
      facts: { partners: staffAddresses.reduce((n, g) => n + g.partnerIds.length, 0) },
    }),
    buildFinding("kept_out_staff_or_supplier", {
      count: d.keptOut.length, severity: "info",
      examples: d.keptOut.map((p) => ({ ...partnerExample(p), detail: p.reason === "staff" ? "staff" : "supplier only" })),
      facts: { staff: d.keptOut.filter((p) => p.reason === "staff").length, suppliers: d.keptOut.filter((p) => p.reason === "supplier_only").length },
    }),
    buildFinding("company_without_route", {
      count: unrouted.length, severity: "warning",
      examples: unrouted.map((c) => ({ label: `company ${c.id}`, detail: c.name })),
    }),
    buildFinding("buyer_without_audience", { count: per("no_route").length, severity: "warning", examples: per("no_route").map(partnerExample) }),
  ];
}

/** Companies no rule can match: routePartner asked for a B2B and a B2C customer of the company carrying every tag a rule names. */
function companiesWithoutRoute(d: PartnerDecisions, policy: Policy): Array<{ id: number; name: string }> {
  const rules = policy.routing.rules;
  const tagNames = rules.flatMap((r) => r.tags ?? []).map((t) => t.toLowerCase());
  const out: Array<{ id: number; name: string }> = [];
  for (const [id, company] of [...d.ref.companies].sort(([a], [b]) => a - b)) {
    const routed = (["b2b", "b2c"] as const).some((customerType) => routePartner(rules, { companyId: id, customerType, tagNames }) !== null);
    if (!routed) out.push({ id, name: company.name });
  }
  return out;
}
