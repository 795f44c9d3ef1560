import { z } from "zod";
import { alertsPolicySchema } from "@/lib/alerts/policy-schema";
import { partnerRuleSchema } from "./rule-schema";
import { checkAudienceCompanies, routeRuleSchema } from "./route-schema";

const newMemberStatus = z.enum(["transactional", "pending", "subscribed_if_consented"]);

/** Which of a buying company's people receive marketing (see lib/sync/README.md, "Policy decisions"). */
const hierarchySchema = z
  .strictObject({
    childContacts: z.enum(["all", "contacts_only", "tagged", "company_only"]).default("contacts_only"),
    /** Required with "tagged": the res.partner.category name that selects a child contact. */
    tag: z.string().trim().min(1).optional(),
  })
  .refine((h) => h.childContacts !== "tagged" || h.tag !== undefined, { path: ["tag"], message: '"tagged" needs a tag' });

const consentSchema = z
  .strictObject({
    newMemberStatus: newMemberStatus.default("transactional"),
    /** An Odoo boolean field (e.g. x_marketing_consent); only with subscribed_if_consented. */
    consentField: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
    fallback: z.enum(["transactional", "pending"]).default("transactional"),
    /** Opt-outs written back to Odoo: more people than this within the window wait for an admin's approval. */
    approvalThreshold: z.number().int().min(1).max(1_000_000).default(50),
    approvalWindowMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
  })
  .refine((c) => c.newMemberStatus !== "subscribed_if_consented" || c.consentField !== undefined, {
    path: ["consentField"],
    message: "subscribed_if_consented needs consentField",
  });

export const policySchema = z.strictObject({
  eligibility: z
    .strictObject({
      supplierThatBuysIsCustomer: z.boolean().default(true),
      excludeBlacklisted: z.boolean().default(true),
      /** Matches are eligible without buying, but never override staff, system, company, archived or blacklist. */
      include: z.array(partnerRuleSchema).default([]),
      /** Matches are never eligible. Evaluated before include. */
      exclude: z.array(partnerRuleSchema).default([]),
    })
    .prefault({}),
  hierarchy: hierarchySchema.prefault({}),
  routing: z
    .strictObject({ rules: z.array(routeRuleSchema).default([]) })
    .superRefine((r, ctx) => checkAudienceCompanies(r.rules, (path, message) => ctx.addIssue({ code: "custom", path: ["rules", ...path], message })))
    .prefault({}),
  consent: consentSchema.prefault({}),
  payload: z
    .strictObject({
      /** First non-empty of these res.partner fields becomes PHONE; each must exist in Odoo. */
      phoneFields: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).default(["phone", "mobile"]),
      /** ADDRESS merge field from street/city/state_id/zip/country_id (state_id must exist in Odoo). */
      address: z.boolean().default(false),
      language: z.boolean().default(true),
    })
    .prefault({}),
  tags: z
    .strictObject({
      prefix: z.string().min(1).max(20).regex(/^\S+$/, "no spaces").default("odoo:"),
      fromPartnerTags: z.boolean().default(true),
      customerType: z.boolean().default(true),
      company: z.boolean().default(true),
    })
    .prefault({}),
  /** E-commerce (lib/commerce): stores, products, customers, orders and the members' purchase data. Off by default. */
  commerce: z
    .strictObject({
      enabled: z.boolean().default(false),
      /** Off: every write runs with the store's is_syncing on, so Mailchimp sends no order email and starts no automation. */
      liveNotifications: z.boolean().default(false),
      /** Lifetime value (net of refunds, audience currency) above which a member is tagged vip. */
      vipThreshold: z.number().min(0).default(1000),
      /** Days since the last order after which a buyer is tagged lapsed. */
      lapsedDays: z.number().int().min(1).max(3650).default(365),
    })
    .prefault({}),
  summaries: z
    .strictObject({
      /** Days a run summary keeps its samples' emails and names; ids and counts stay. 0 keeps no details. */
      sampleDetailsDays: z.number().int().min(0).max(365).default(7),
    })
    .prefault({}),
  batching: z
    .strictObject({
      subscribeBatchSize: z.number().int().min(1).max(500).default(500),
      upsertOpsPerBatch: z.number().int().min(2).max(10_000).default(2000),
      odooPageSize: z.number().int().min(1).max(1000).default(1000),
      overlapSeconds: z.number().int().min(0).max(86_400).default(300),
    })
    .prefault({}),
  /** Alert thresholds and owners (lib/alerts). */
  alerts: alertsPolicySchema,
});

export type Policy = z.output<typeof policySchema>;
/** What a file or form may hold: defaults fill the gaps. */
export type PolicyInput = z.input<typeof policySchema>;
