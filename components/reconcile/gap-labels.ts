import type { RepairResult } from "@/lib/reconcile/repair/request-repair";
import { GAP_KINDS, isGapKind } from "@/lib/reconcile/gap-kinds";

export const gapLabel = (kind: string) => (isGapKind(kind) ? GAP_KINDS[kind].label : kind);

const CAUSES: Record<string, string> = {
  gone_from_mailchimp: "was synced, then deleted or archived in Mailchimp",
  not_synced_yet: "new in Odoo, not synced yet",
  not_accepted: "the last sync attempt did not land",
  changed_in_mailchimp: "edited in Mailchimp",
  odoo_changed_since_last_sync: "Odoo changed since the last sync",
  mailchimp_opted_out: "opted out in Mailchimp, not blacklisted in Odoo",
  odoo_blacklisted: "blacklisted in Odoo, still subscribed in Mailchimp",
  not_in_odoo: "not a confirmed order in Odoo",
  other_store: "Odoo puts this order in another store",
};

const order = (d: Record<string, unknown>) => `${d.name ? `${String(d.name)} ` : ""}(${String(d.orderId)})`;

const show = (v: unknown) => (v === "" || v === null || v === undefined ? "(empty)" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** One line that says what differs, from a gap's detail (the table's "What" column). */
export function describeGap(kind: string, detail: Record<string, unknown>): string {
  switch (kind) {
    case "missing":
      return CAUSES[String(detail.cause)] ?? "not in Mailchimp";
    case "not_eligible":
      return `${detail.blacklistedInOdoo ? "blacklisted in Odoo; " : ""}managed tags come off at the next run that sees it (a full run always does) or a repair; never unsubscribed`;
    case "merge_drift": {
      const fields = (detail.fields ?? {}) as Record<string, { odoo: unknown; mailchimp: unknown }>;
      const diffs = Object.entries(fields).map(([f, v]) => `${f} is ${show(v.mailchimp)} in Mailchimp, ${show(v.odoo)} in Odoo`);
      return `${diffs.join("; ")} (${CAUSES[String(detail.cause)] ?? ""})`;
    }
    case "tag_drift": {
      const missing = (detail.missingTags ?? []) as string[];
      const extra = (detail.extraTags ?? []) as string[];
      return [missing.length ? `missing ${missing.join(", ")}` : "", extra.length ? `extra ${extra.join(", ")}` : ""].filter(Boolean).join("; ");
    }
    case "consent_drift":
      return `${CAUSES[String(detail.direction)] ?? ""}${Number(detail.pendingWritebacks) > 0 ? " (write-back pending)" : ""}`;
    case "mailchimp_only":
      return `${String(detail.memberStatus)}; not Bridgeline's, never touched`;
    case "order_missing":
      return `${order(detail)} ${show(detail.odooTotal)} ${show(detail.currency)} is not in store ${show(detail.storeId)}`;
    case "order_extra":
      return `${order(detail)} ${show(detail.mailchimpTotal)} ${show(detail.currency)} in store ${show(detail.storeId)}: ${CAUSES[String(detail.cause)] ?? ""}`;
    case "order_total":
      return `${order(detail)} totals ${show(detail.mailchimpTotal)} in Mailchimp, ${show(detail.odooTotal)} in Odoo (net of credit notes) ${show(detail.currency)}`;
    case "order_status":
      return `${order(detail)} is ${show(detail.mailchimpStatus)} in Mailchimp, ${show(detail.odooStatus)} in Odoo`;
    default:
      return JSON.stringify(detail);
  }
}

/** What the page says once a repair has started, by the route it took. */
export function describeRepair(r: RepairResult, one: boolean): string {
  if (r.route === "resync") return one ? "Repair run started: the gap goes at the read-back that follows the run." : `Repair run started for ${r.records} record(s): the gap goes at the next read-back, which follows the run.`;
  if (r.route === "commerce") return `Order repair run started for ${r.records} order gap(s): Odoo's orders are sent again silently (extra ones deleted); the gap goes at the read-back that follows the run.`;
  if (one) return r.events > 0 ? "Handed to the consent flow: Odoo's blacklist gets it." : "Odoo's opt-out needs a person: only the contact can subscribe again.";
  return `${r.events} opt-out(s) handed to the consent flow for Odoo${r.skipped ? `; ${r.skipped} Odoo-side opt-out(s) need a person` : ""}.`;
}
