import type { ExceptionKind } from "@/lib/sync/types";

/**
 * Each exception kind's title and one-line fix, shown on its card. Typed by the engine's own list of kinds, so a
 * new kind without one does not compile. The full entry (what it means, who owns it, the steps) is in
 * docs/runbook.md under the same title, rendered under `exceptionAnchor(kind)`, which each card links to; a test
 * fails when a kind has no entry there.
 */
export const EXCEPTION_KINDS: Record<ExceptionKind, { title: string; fix: string }> = {
  missing_email: { title: "No email", fix: "Add an email to the contact in Odoo, or leave it: it will not be sent." },
  invalid_email: { title: "Invalid email", fix: "Correct the email in Odoo; Mailchimp would refuse it as it is." },
  multiple_emails: { title: "Several emails in one field", fix: "Keep one address in the Odoo email field; move the others to their own contacts." },
  duplicate_email: {
    title: "Same email on different customers",
    fix: "Decide which Odoo contact owns the address (e.g. a shared info@ mailbox) and change the others.",
  },
  staff_email: {
    title: "Staff address on a customer",
    fix: "This customer's email belongs to a staff member (internal user or employee), so it is not sent to Mailchimp. Give the customer an address of their own in Odoo, or remove the staff address from it; the next full run resolves this.",
  },
  no_route: { title: "No audience rule matches", fix: "Add a routing rule in Settings → Policy, or exclude these contacts on purpose." },
  field_missing: { title: "Odoo field missing", fix: "A field the policy uses no longer exists in Odoo (upgrade?). Update the policy." },
  mailchimp_rejected: { title: "Rejected by Mailchimp", fix: "Read Mailchimp's reason below; usually the email or a merge value in Odoo." },
  compliance_refused: {
    title: "In a compliance state",
    fix: "The person unsubscribed or bounced. Only they can resubscribe (e.g. through a signup form); nothing to do here.",
  },
  email_changed_in_mailchimp: {
    title: "Email changed in Mailchimp",
    fix: "The person changed their address in Mailchimp, but Odoo owns emails: update the Odoo contact, then resolve.",
  },
  consent_refused: {
    title: "Write refused by the consent firewall",
    fix: "Bridgeline refused to send something that could widen consent. Nothing was sent; check the policy if unexpected.",
  },
  commerce_rejected: {
    title: "Order, product or customer not written to the store",
    fix: "Read Mailchimp's reason below (it names the Odoo order). Fix the order or its products in Odoo; the next run sends it again.",
  },
  forgotten_email: { title: "Permanently deleted in Mailchimp", fix: "The address was forgotten on request; it cannot be added again by the API." },
};

export const EXCEPTION_KIND_NAMES = Object.keys(EXCEPTION_KINDS) as ExceptionKind[];
export const isExceptionKind = (kind: string): kind is ExceptionKind => kind in EXCEPTION_KINDS;

export function describeKind(kind: string) {
  return isExceptionKind(kind) ? EXCEPTION_KINDS[kind] : { title: kind.replaceAll("_", " "), fix: "" };
}

/** The Runbook page's anchor for an exception kind. */
export const exceptionAnchor = (kind: string) => `exception-${kind.replace(/_/g, "-")}`;
