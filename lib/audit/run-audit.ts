import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailchimpClient } from "@/lib/mailchimp";
import type { OdooClient } from "@/lib/odoo";
import { defaultPolicy, getActivePolicy, type Policy } from "@/lib/sync/policy";
import { findAudienceFindings } from "./mailchimp/find-audience-findings";
import { findMappingFindings } from "./mailchimp/find-mapping-findings";
import { findStoreFindings } from "./mailchimp/find-store-findings";
import { decidePartners } from "./odoo/decide-partners";
import { findCurrencyFindings, type StoreCurrencies } from "./odoo/find-currency-findings";
import { findOdooFindings } from "./odoo/find-odoo-findings";
import { labelAudiences } from "./label-audiences";
import { FINDING_KIND_NAMES } from "./finding-kinds";
import type { AuditReport, AuditSide, Finding } from "./types";

export interface AuditDeps {
  prisma: PrismaClient;
  /** Unset: Odoo's findings are not checked (the report says so). */
  odoo?: OdooClient;
  mailchimp?: MailchimpClient;
  /** Where audience webhooks should point; unset: any Bridgeline webhook counts as present. */
  webhookUrl?: string;
  now?: () => Date;
}

/**
 * The integration audit: Odoo's data quality judged by the active policy (the planner's own rules, nothing
 * re-derived) and Mailchimp's health for the audiences the policy routes to. Read-only on both sides. A side that
 * cannot be asked is reported unchecked with the reason, never as "ok".
 */
export async function runAudit(deps: AuditDeps): Promise<AuditReport> {
  const now = (deps.now ?? (() => new Date()))();
  const active = await getActivePolicy(deps.prisma);
  const policy: Policy = active?.policy ?? defaultPolicy();
  const audiences = [...new Set(policy.routing.rules.map((r) => r.audienceId))].sort();
  const label = labelAudiences(policy);
  const findings: Finding[] = [];
  const read: Record<string, number> = { audiences: audiences.length };
  const side = async (run: () => Promise<void>, configured: boolean, what: string): Promise<AuditSide> => {
    if (!configured) return { checked: false, error: `${what} is not configured` };
    try {
      await run();
      return { checked: true };
    } catch (err) {
      return { checked: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
  const odoo = await side(async () => {
    const decisions = await decidePartners(deps.odoo as OdooClient, policy, now);
    const currency = await findCurrencyFindings(deps.odoo as OdooClient, policy, await storeCurrencies(deps.prisma));
    findings.push(...findOdooFindings(decisions, policy, label), currency.finding);
    Object.assign(read, { partners: decisions.partnersRead, confirmedOrders: currency.ordersRead });
  }, deps.odoo !== undefined, "Odoo");
  const mailchimp = await side(async () => {
    const client = deps.mailchimp as MailchimpClient;
    const mapping = await findMappingFindings(client, policy, audiences, deps.webhookUrl, label);
    const stores = await findStoreFindings(deps.prisma, client, policy, now, label);
    const members = await findAudienceFindings(deps.prisma, client, audiences, label);
    findings.push(...mapping, stores, ...members.findings);
    read.members = members.membersRead;
  }, deps.mailchimp !== undefined, "Mailchimp");
  findings.sort((a, b) => FINDING_KIND_NAMES.indexOf(a.kind) - FINDING_KIND_NAMES.indexOf(b.kind));
  return { generatedAt: now.toISOString(), policyVersion: active?.version ?? null, sides: { odoo, mailchimp }, findings, read };
}

/** The currencies each company's Bridgeline stores take (commerce_stores). */
async function storeCurrencies(prisma: PrismaClient): Promise<StoreCurrencies> {
  const out: StoreCurrencies = new Map();
  for (const s of await prisma.commerceStore.findMany({ select: { companyId: true, currency: true } })) {
    const set = out.get(s.companyId) ?? new Set<string>();
    set.add(s.currency.toUpperCase());
    out.set(s.companyId, set);
  }
  return out;
}
