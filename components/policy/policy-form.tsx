"use client";

import { CheckboxField, Fieldset, NumberField, SelectField, TextField } from "./form-fields";
import { readPath, type Draft, type SetPath } from "./policy-draft";
import { RoutingRulesForm } from "./routing-rules-form";

const CHILDREN = [["contacts_only", "Contacts of buying companies (not addresses, not the company mailbox)"], ["all", "Everyone: the company, its contacts and addresses"], ["tagged", "Only people carrying a tag"], ["company_only", "Only the company record"]] as const;
const NEW_STATUS = [["transactional", "transactional (no marketing consent assumed)"], ["pending", "pending (double opt-in email)"], ["subscribed_if_consented", "subscribed when Odoo records consent"]] as const;
const FALLBACK = [["transactional", "transactional"], ["pending", "pending"]] as const;

/**
 * The common settings of the policy as a form (the JSON tab keeps everything, include/exclude rules and alert
 * thresholds among them). `view` is the policy with its defaults; writes go to the draft's JSON.
 */
export function PolicyForm({ view, set, errorAt }: { view: Draft; set: SetPath; errorAt: (path: string) => string | undefined }) {
  const get = (...path: string[]) => readPath(view, path);
  const bool = (...path: string[]) => get(...path) === true;
  const str = (...path: string[]) => (typeof get(...path) === "string" ? (get(...path) as string) : "");
  const rulesCount = (which: string) => (Array.isArray(get("eligibility", which)) ? (get("eligibility", which) as unknown[]).length : 0);
  return (
    <div className="space-y-4" data-testid="policy-form">
      <RoutingRulesForm rules={(get("routing", "rules") as never[]) ?? []} set={set} errorAt={errorAt} />
      <Fieldset legend="Who is a marketing contact">
        <p className="text-xs text-slate-500">Buyers (a confirmed order or a posted invoice, credited to the commercial partner). Staff, the selling companies, archived partners and suppliers that never bought are always out.</p>
        <CheckboxField label="A supplier that buys is a customer" checked={bool("eligibility", "supplierThatBuysIsCustomer")} onChange={(v) => set(["eligibility", "supplierThatBuysIsCustomer"], v)} />
        <CheckboxField label="Leave out partners on Odoo's email blacklist" checked={bool("eligibility", "excludeBlacklisted")} onChange={(v) => set(["eligibility", "excludeBlacklisted"], v)} />
        <p className="text-xs text-slate-500">{rulesCount("include")} include and {rulesCount("exclude")} exclude rules (tags or fields): edit them in the JSON tab.</p>
        <SelectField label="People of a buying company who get marketing" value={str("hierarchy", "childContacts") as (typeof CHILDREN)[number][0]} options={CHILDREN} onChange={(v) => set(["hierarchy", "childContacts"], v)} error={errorAt("hierarchy.childContacts")} />
        {str("hierarchy", "childContacts") === "tagged" && <TextField label="Tag that selects a person" value={str("hierarchy", "tag")} onChange={(v) => set(["hierarchy", "tag"], v || undefined)} error={errorAt("hierarchy.tag")} />}
      </Fieldset>
      <Fieldset legend="Consent">
        <SelectField label="Status a new member gets" value={str("consent", "newMemberStatus") as (typeof NEW_STATUS)[number][0]} options={NEW_STATUS} onChange={(v) => set(["consent", "newMemberStatus"], v)} error={errorAt("consent.newMemberStatus")} />
        {str("consent", "newMemberStatus") === "subscribed_if_consented" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label="Odoo consent field (a boolean)" placeholder="x_marketing_consent" value={str("consent", "consentField")} onChange={(v) => set(["consent", "consentField"], v || undefined)} error={errorAt("consent.consentField")} />
            <SelectField label="Without consent" value={str("consent", "fallback") as "transactional" | "pending"} options={FALLBACK} onChange={(v) => set(["consent", "fallback"], v)} />
          </div>
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          <NumberField label="Opt-outs written to Odoo before an admin must approve" value={get("consent", "approvalThreshold")} onChange={(v) => set(["consent", "approvalThreshold"], v)} error={errorAt("consent.approvalThreshold")} />
          <NumberField label="…within this many minutes" value={get("consent", "approvalWindowMinutes")} onChange={(v) => set(["consent", "approvalWindowMinutes"], v)} error={errorAt("consent.approvalWindowMinutes")} />
        </div>
      </Fieldset>
      <Fieldset legend="E-commerce (orders to Mailchimp stores)">
        <CheckboxField label="Sync confirmed orders, products and purchase data" checked={bool("commerce", "enabled")} onChange={(v) => set(["commerce", "enabled"], v)} />
        <CheckboxField label="Let Mailchimp send order notifications" hint="Off: every store write runs with is_syncing on, so Mailchimp emails nobody." checked={bool("commerce", "liveNotifications")} onChange={(v) => set(["commerce", "liveNotifications"], v)} />
        <div className="grid gap-3 sm:grid-cols-2">
          <NumberField label="VIP above this lifetime value" value={get("commerce", "vipThreshold")} onChange={(v) => set(["commerce", "vipThreshold"], v)} error={errorAt("commerce.vipThreshold")} />
          <NumberField label="Lapsed after this many days without an order" value={get("commerce", "lapsedDays")} onChange={(v) => set(["commerce", "lapsedDays"], v)} error={errorAt("commerce.lapsedDays")} />
        </div>
      </Fieldset>
      <Fieldset legend="Tags and member data">
        <TextField label="Prefix of the tags Bridgeline manages" value={str("tags", "prefix")} onChange={(v) => set(["tags", "prefix"], v)} error={errorAt("tags.prefix")} />
        <CheckboxField label="A tag per Odoo partner tag" checked={bool("tags", "fromPartnerTags")} onChange={(v) => set(["tags", "fromPartnerTags"], v)} />
        <CheckboxField label="A B2B / B2C tag" checked={bool("tags", "customerType")} onChange={(v) => set(["tags", "customerType"], v)} />
        <CheckboxField label="A tag for the selling company" checked={bool("tags", "company")} onChange={(v) => set(["tags", "company"], v)} />
        <CheckboxField label="Send the postal address (only when complete)" checked={bool("payload", "address")} onChange={(v) => set(["payload", "address"], v)} />
        <CheckboxField label="Send the language" checked={bool("payload", "language")} onChange={(v) => set(["payload", "language"], v)} />
      </Fieldset>
    </div>
  );
}
