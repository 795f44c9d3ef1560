/**
 * Every finding the integration audit reports, in the order the page and `npm run audit` list them: what it
 * checks, the unit it counts and how to fix it. The severity depends on what was found (the finders decide).
 */
export const FINDING_KINDS = {
  missing_email: {
    area: "odoo", title: "Marketing contacts without an email", unit: "partners",
    checks: "Partners the policy selects (buyers, not staff, suppliers-only, archived or blacklisted) whose email field is empty.",
    fix: "Add the address on the contact in Odoo (Contacts). The next run sends it; until then the partner is an open missing_email exception.",
  },
  invalid_email: {
    area: "odoo", title: "Invalid emails", unit: "partners",
    checks: "Selected partners whose email is a placeholder, malformed, has no top-level domain or uses a reserved domain.",
    fix: "Correct the address in Odoo, or clear it if the person has none. Bridgeline never guesses a fix.",
  },
  multiple_emails: {
    area: "odoo", title: "Several addresses in one email field", unit: "partners",
    checks: "Selected partners whose email field holds two or more addresses (separated by ; , or spaces).",
    fix: "Keep the one address the person wants marketing on; put a second person's address on a contact of their own.",
  },
  duplicate_email: {
    area: "odoo", title: "One address shared by several customers", unit: "addresses",
    checks: "Addresses held by eligible partners of different commercial partners routed to the same audience: nothing is sent for them.",
    fix: "Give each customer their own address in Odoo, or merge the duplicate partners (Contacts → Merge).",
  },
  staff_email: {
    area: "odoo", title: "Customers using a staff member's address", unit: "addresses",
    checks: "Selected customers whose address belongs to an internal user or an employee (work email).",
    fix: "Replace the customer's email with their own address in Odoo; a work address on a customer record is a data-entry slip.",
  },
  kept_out_staff_or_supplier: {
    area: "odoo", title: "Suppliers or staff who would otherwise be eligible", unit: "partners",
    checks: "Partners kept out only because they are staff or supplier-only: without that one reason the policy would select them.",
    fix: "Usually right as it is. If a supplier that buys should get marketing, set eligibility.supplierThatBuysIsCustomer; staff never get it.",
  },
  company_without_route: {
    area: "odoo", title: "Companies with no routing rule", unit: "companies",
    checks: "Odoo companies (res.company) that no routing rule matches, for B2B nor B2C customers.",
    fix: "Add a rule for the company in Settings → Policy (its own audience; never another company's).",
  },
  buyer_without_audience: {
    area: "odoo", title: "Buyers in no audience", unit: "partners",
    checks: "Selected buyers with a valid email that no routing rule matches (their company, type and tags): open no_route exceptions.",
    fix: "Add or widen a routing rule in Settings → Policy, or set the partner's company in Odoo.",
  },
  order_currency_without_store: {
    area: "odoo", title: "Orders in currencies no store takes", unit: "orders",
    checks: "Confirmed orders whose currency is neither their company's currency nor the currency of one of that company's stores.",
    fix: "Check the order's pricelist and currency in Odoo. Left as is, the commerce sync opens a store of its own for that currency.",
  },
  merge_fields_missing: {
    area: "mailchimp", title: "Missing or retyped merge fields", unit: "fields",
    checks: "Each routed audience has every merge field the sync fills (FNAME, LNAME, COMPANY, PHONE, ...) with a type that takes its values.",
    fix: "Start a run: it creates missing fields. A retyped field must be deleted in Mailchimp (Audience → Settings → Audience fields) first.",
  },
  webhook_missing: {
    area: "mailchimp", title: "Audiences without the consent webhook", unit: "audiences",
    checks: "Each routed audience has Bridgeline's webhook, pointing at this console, with the events consent needs.",
    fix: "Start a run (any mode but dry run): it registers or repairs the webhook. Check MAILCHIMP_WEBHOOK_SECRET and the public URL if it comes back.",
  },
  webhook_echo: {
    area: "mailchimp", title: "Webhooks echoing API writes", unit: "audiences",
    checks: "Bridgeline's webhook has the \"api\" source ticked, so the engine's own writes come back to it.",
    fix: "In Mailchimp (Audience → Settings → Webhooks) untick \"api\", or delete the webhook and let the next run register it.",
  },
  store_stuck_syncing: {
    area: "mailchimp", title: "Stores stuck syncing", unit: "stores",
    checks: "E-commerce stores with is_syncing on while no commerce step runs: Mailchimp sends no order or abandoned-cart email for them.",
    fix: "Start an incremental run: its commerce step switches every store it finds syncing off. Or switch is_syncing off in Mailchimp.",
  },
  unsubscribe_rate: {
    area: "mailchimp", title: "Unsubscribe rate per audience", unit: "unsubscribed members",
    checks: "Members who unsubscribed, as a share of each routed audience.",
    fix: "A high rate is a content or frequency question for marketing; Bridgeline keeps every unsubscribe (and writes it back to Odoo).",
  },
  cleaned_rate: {
    area: "mailchimp", title: "Cleaned rate per audience", unit: "cleaned members",
    checks: "Members Mailchimp cleaned (hard bounces), as a share of each routed audience.",
    fix: "A high rate means stale addresses in Odoo: correct them there (Bridgeline blacklists cleaned addresses in Odoo).",
  },
  unmanaged_members: {
    area: "mailchimp", title: "Members Bridgeline does not manage", unit: "members",
    checks: "Members of routed audiences that Bridgeline never planned or wrote (imports, forms, other tools).",
    fix: "Nothing breaks: Bridgeline never touches them. If they are Odoo customers, their Odoo record is what to fix (see the Odoo findings).",
  },
} as const satisfies Record<string, { area: "odoo" | "mailchimp"; title: string; unit: string; checks: string; fix: string }>;

export type FindingKind = keyof typeof FINDING_KINDS;
export const FINDING_KIND_NAMES = Object.keys(FINDING_KINDS) as FindingKind[];
