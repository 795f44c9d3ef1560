import type { ExceptionKind, ExclusionReason, MergeValues, PlannedRecord } from "@/lib/sync/types";

/** One step of the engine's decision for a partner, in the order the planner takes them. */
export interface ExplainStep {
  step: "eligibility" | "hierarchy" | "email" | "routing" | "staff_email" | "payload" | "mailchimp";
  /** true passed, false stopped the partner here, null not reached. */
  ok: boolean | null;
  text: string;
}

/** One routing rule as the partner's facts met it: the first match wins, later rules are never tried. */
export interface RuleTrial {
  index: number;
  name: string;
  audienceId: string;
  matched: boolean | null;
}

/** What the planner will do with the (audience, email) the partner lands in (plan/plan-group.ts). */
export type GroupVerdict = "subscribe_new" | "upsert_existing" | "unchanged" | "duplicate" | "moved" | "refused";

export interface PartnerExplanation {
  partnerId: number;
  name: string | null;
  verdict: "reaches_mailchimp" | "excluded" | "exception";
  /** The one sentence that says what happens and why. */
  headline: string;
  /** The rule or check that decided: a reason or exception code, and the policy rule behind it when there is one. */
  decidedBy: { code: ExclusionReason | ExceptionKind | "moved" | "refused" | "routed"; rule: string | null };
  facts: {
    commercial: { id: number; name: string; isCompany: boolean };
    customerType: "b2b" | "b2c";
    /** The company routing uses: the partner's own, else the one that last sold to its commercial partner. */
    company: { id: number | null; name: string | null; source: "partner" | "last_purchase" | "unknown" };
    buys: boolean;
    orders: number;
    tags: string[];
    email: string | null;
  };
  steps: ExplainStep[];
  rules: RuleTrial[];
  /** Set when the partner reaches Mailchimp. */
  member?: {
    audienceId: string;
    email: string;
    statusIfNew: PlannedRecord["statusIfNew"];
    tags: string[];
    mergeFields: MergeValues;
    language: string | null;
    group: GroupVerdict;
    /** Every partner the address stands for, the one whose data is sent first. */
    partnerIds: number[];
  };
}
