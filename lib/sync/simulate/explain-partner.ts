import { classifyEmail } from "@/lib/sync/email/classify-email";
import { decidePartner, type Decision } from "@/lib/sync/plan/decide-partner";
import { isSelectedByHierarchy } from "@/lib/sync/plan/hierarchy";
import type { PartnerRow } from "@/lib/sync/plan/partner-row";
import { customerTypeOf, effectiveCompanyOf, tagNamesOf, type DecisionContext } from "@/lib/sync/plan/plan-context";
import type { StagedGroup } from "@/lib/sync/plan/read-groups";
import { EXCLUSION_WORDING } from "./exclusion-wording";
import { explainEligibility } from "./explain-eligibility";
import { explainGroup } from "./explain-group";
import { describeRouteRule, explainRouting } from "./explain-routing";
import { memberHeadline } from "./member-headline";
import type { ExplainStep, PartnerExplanation } from "./types";

export interface ExplainInput {
  target: PartnerRow;
  /** Everyone read with it (its family and the families holding its address): the duplicate rule needs them. */
  partners: PartnerRow[];
  ctx: DecisionContext;
  /** sync_records of the target's address, by audience: what the planner compares the payload with. */
  synced: Map<string, NonNullable<StagedGroup["synced"]>>;
}

/**
 * Why the engine would (or would not) put one Odoo partner in Mailchimp, under one policy. The verdict is the
 * planner's own decidePartner and planGroup; the steps around it name the facts and the policy rule that
 * decided, asked of the same functions (exclusionReason, isSelectedByHierarchy, routePartner), never re-derived.
 * Pure: the caller reads Odoo and sync_records.
 */
export function explainPartner({ target: p, partners, ctx, synced }: ExplainInput): PartnerExplanation {
  const decision = decidePartner(p, ctx);
  const tagNames = tagNamesOf(p, ctx.ref);
  const customerType = customerTypeOf(p, ctx);
  const companyId = effectiveCompanyOf(p, ctx);
  const companyName = (id: number) => ctx.ref.companies.get(id)?.name ?? `company ${id}`;
  const facts: PartnerExplanation["facts"] = {
    commercial: { id: p.commercialId, name: p.commercialName, isCompany: p.commercialId === p.id ? p.isCompany : ctx.buying.isCompany(p.commercialId) },
    customerType,
    company: { id: companyId, name: companyId === null ? null : companyName(companyId), source: p.companyId !== null ? "partner" : companyId !== null ? "last_purchase" : "unknown" },
    buys: ctx.buying.buys(p.commercialId),
    orders: ctx.buying.orderCount(p.commercialId),
    tags: tagNames,
    email: decision.outcome === "candidate" ? decision.email : decision.outcome === "exception" ? decision.email : null,
  };
  const rules = explainRouting(ctx.policy.routing.rules, { companyId, customerType, tagNames });
  const base = { partnerId: p.id, name: p.name, facts, rules };
  const eligibility = explainEligibility(p, tagNames, ctx);
  const steps: ExplainStep[] = [eligibility.step];
  const excluded = (code: Exclude<Decision, { outcome: "candidate" | "exception" }>["reason"], rule: string | null, why = EXCLUSION_WORDING[code]): PartnerExplanation => ({
    ...base, verdict: "excluded", headline: `Excluded: ${why}.`, decidedBy: { code, rule }, steps,
  });
  if (eligibility.reason) return excluded(eligibility.reason, eligibility.rule, eligibility.why);

  const { childContacts } = ctx.policy.hierarchy;
  const selected = isSelectedByHierarchy(p, tagNames, ctx);
  const who = p.id === p.commercialId ? (p.isCompany ? "The company record itself" : "An individual (B2C)") : `A ${p.type ?? "contact"} of ${p.commercialName}`;
  steps.push({ step: "hierarchy", ok: selected, text: `${who}: ${selected ? "selected" : "not selected"} under hierarchy.childContacts "${childContacts}".` });
  if (decision.outcome === "excluded") return excluded(decision.reason, `hierarchy.childContacts: "${childContacts}"`);

  const email = classifyEmail(p.email);
  steps.push({ step: "email", ok: email.ok, text: email.ok ? `Email ${email.email}.` : `Email refused (${email.kind}): ${email.reason}.` });
  const b2b = facts.commercial.isCompany ? `B2B (${p.commercialId === p.id ? "a company" : `${p.commercialName} is a company`})` : "B2C";
  const where = facts.company.id === null ? "no company known" : `company ${facts.company.name}${facts.company.source === "last_purchase" ? " (of its latest purchase)" : ""}`;
  const trial = rules.find((r) => r.matched);
  if (email.ok) {
    const routed = trial ? `rule ${trial.index + 1} "${trial.name}" (${describeRouteRule(ctx.policy.routing.rules[trial.index]!, companyName)})` : "no rule";
    steps.push({ step: "routing", ok: !!trial, text: `Routed as ${b2b}, ${where}: ${routed} matches.` });
  }
  if (decision.outcome === "exception") {
    const staff = decision.kind === "staff_email";
    if (staff) steps.push({ step: "staff_email", ok: false, text: "The address belongs to staff, so the customer record is not sent." });
    const rule = decision.kind === "no_route" ? "routing.rules" : null;
    const why = typeof decision.detail.reason === "string" ? decision.detail.reason : decision.kind === "no_route" ? `no routing rule matches ${b2b}, ${where}` : decision.kind;
    return { ...base, verdict: "exception", headline: `Exception ${decision.kind}: ${why}.`, decidedBy: { code: decision.kind, rule }, steps };
  }

  const statusText = decision.statusIfNew === "subscribed" ? `subscribed (consent field ${ctx.policy.consent.consentField} is true)` : decision.statusIfNew;
  steps.push({ step: "payload", ok: true, text: `Tags ${decision.payload.tags.join(", ") || "none"}; a new member's status: ${statusText}.` });
  const decided = partners.map((partner) => ({ partner, decision: partner.id === p.id ? decision : decidePartner(partner, ctx) }));
  const group = explainGroup(decision, decided, ctx.policy, synced.get(decision.audienceId) ?? null);
  const ruleName = trial ? `routing rule ${trial.index + 1} "${trial.name}"` : null;
  const { verdict, headline, step } = memberHeadline(group, p.id, decision.audienceId, ruleName, decision.statusIfNew);
  steps.push(step);
  return {
    ...base,
    verdict,
    headline,
    decidedBy: { code: group.kind === "duplicate" ? "duplicate_email" : group.kind === "moved" || group.kind === "refused" ? group.kind : "routed", rule: ruleName },
    steps,
    member: {
      audienceId: decision.audienceId,
      email: decision.email,
      statusIfNew: decision.statusIfNew,
      tags: decision.payload.tags,
      mergeFields: group.kind === "duplicate" ? decision.payload.merge_fields : group.record.payload?.merge_fields ?? decision.payload.merge_fields,
      language: decision.payload.language ?? null,
      group: group.kind,
      partnerIds: group.partnerIds,
    },
  };
}
