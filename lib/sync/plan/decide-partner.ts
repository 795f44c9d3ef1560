import { categoryTags } from "@/lib/commerce/category-tags";
import { purchaseTags } from "@/lib/commerce/purchase-data";
import { classifyEmail } from "@/lib/sync/email/classify-email";
import type { ExceptionKind, ExclusionReason, OdooOwnedPayload, PlannedRecord } from "@/lib/sync/types";
import { buildPayload } from "./build-payload";
import { exclusionReason } from "./eligibility";
import { isSelectedByHierarchy } from "./hierarchy";
import { managedTags } from "./managed-tags";
import type { PartnerRow } from "./partner-row";
import { customerTypeOf, effectiveCompanyOf, tagNamesOf, type DecisionContext } from "./plan-context";
import { routePartner } from "./route-partner";
import { statusIfNew } from "./status-if-new";

export type Decision =
  | { outcome: "excluded"; reason: ExclusionReason }
  | {
      outcome: "exception";
      kind: ExceptionKind;
      detail: Record<string, unknown>;
      email: string | null;
      /** Per-address problems (staff_email) name the audience the partner would go to and the other partners involved. */
      perEmail?: { audienceId: string | null; otherPartnerIds: number[] };
    }
  | {
      outcome: "candidate";
      audienceId: string;
      email: string;
      /** Duplicate tie-break: 0 the commercial partner itself, 1 a contact, 2 an address. Lowest wins. */
      rank: number;
      statusIfNew: PlannedRecord["statusIfNew"];
      payload: OdooOwnedPayload;
    };

/** Eligibility, hierarchy, email, routing, then payload: the whole policy applied to one partner. */
export function decidePartner(p: PartnerRow, ctx: DecisionContext): Decision {
  const tagNames = tagNamesOf(p, ctx.ref);
  const reason = exclusionReason(p, tagNames, ctx);
  if (reason) return { outcome: "excluded", reason };
  if (!isSelectedByHierarchy(p, tagNames, ctx)) return { outcome: "excluded", reason: "company_person_not_selected" };
  const who = { name: p.name, commercialId: p.commercialId };
  const verdict = classifyEmail(p.email);
  if (!verdict.ok) return { outcome: "exception", kind: verdict.kind, email: null, detail: { ...who, rawEmail: p.email, reason: verdict.reason } };
  const customerType = customerTypeOf(p, ctx);
  const companyId = effectiveCompanyOf(p, ctx);
  const rule = routePartner(ctx.policy.routing.rules, { companyId, customerType, tagNames });
  const staff = ctx.ref.staffEmails.get(verdict.email);
  if (staff) {
    const detail = { ...who, reason: "a staff member's address on a customer", staff: staff.map((s) => ({ partnerId: s.partnerId, name: s.name })) };
    return { outcome: "exception", kind: "staff_email", email: verdict.email, detail, perEmail: { audienceId: rule?.audienceId ?? null, otherPartnerIds: staff.map((s) => s.partnerId) } };
  }
  if (!rule) return { outcome: "exception", kind: "no_route", email: verdict.email, detail: { ...who, companyId, customerType, tags: tagNames } };
  const companyName = companyId !== null ? (ctx.ref.companies.get(companyId)?.name ?? null) : null;
  const tags = managedTags(ctx.policy, { tagNames, customerType, companyName });
  if (ctx.policy.commerce.enabled) {
    const now = ctx.nowSeconds ?? Math.floor(Date.now() / 1000);
    tags.push(...purchaseTags(ctx.policy.tags.prefix, ctx.buying.purchasesOf(p.commercialId), ctx.policy.commerce, now));
    tags.push(...categoryTags(ctx.policy.tags.prefix, ctx.buying.categories.namesOf(p.commercialId)));
    tags.sort();
  }
  return {
    outcome: "candidate",
    audienceId: rule.audienceId,
    email: verdict.email,
    rank: p.id === p.commercialId ? 0 : p.type === "contact" ? 1 : 2,
    statusIfNew: statusIfNew(ctx.policy, p),
    payload: buildPayload(p, { customerType, tags }, ctx.policy, ctx.ref, ctx.buying),
  };
}
