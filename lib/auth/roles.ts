/**
 * Who may see what. This table is the single source for both the server-side checks and the navigation:
 * the UI hides exactly what the server forbids, never more and never less.
 */
export const ROLES = ["admin", "ops", "marketing", "finance"] as const;
export type Role = (typeof ROLES)[number];

export const ALL_ROLES: readonly Role[] = ROLES;

export interface ConsolePage {
  slug: string;
  title: string;
  href: string;
  roles: readonly Role[];
  summary: string;
}

export const CONSOLE_PAGES = [
  { slug: "overview", title: "Overview", href: "/", roles: ALL_ROLES, summary: "Sync health at a glance" },
  {
    slug: "alerts",
    title: "Alerts",
    href: "/alerts",
    roles: ALL_ROLES,
    summary: "Conditions that need someone, with the team that owns each",
  },
  {
    slug: "reconciliation",
    title: "Reconciliation",
    href: "/reconciliation",
    roles: ALL_ROLES,
    summary: "Where Odoo and Mailchimp disagree",
  },
  {
    slug: "integration-audit",
    title: "Integration audit",
    href: "/integration-audit",
    roles: ALL_ROLES,
    summary: "Odoo data quality and Mailchimp health: what is wrong, how much, and the fix",
  },
  {
    slug: "exceptions",
    title: "Exceptions",
    href: "/exceptions",
    roles: ["admin", "ops"],
    summary: "Records that could not be synced, and who owns them",
  },
  {
    slug: "consent",
    title: "Consent",
    href: "/consent",
    roles: ["admin", "ops", "marketing"],
    summary: "Unsubscribes, bounces and blacklist drift",
  },
  {
    slug: "revenue",
    title: "Revenue",
    href: "/revenue",
    roles: ["admin", "finance"],
    summary: "Refund-adjusted revenue, Odoo vs Mailchimp",
  },
  { slug: "runs", title: "Sync runs", href: "/runs", roles: ["admin", "ops"], summary: "Every run, batch and retry" },
  { slug: "audit", title: "Audit", href: "/audit", roles: ["admin", "ops"], summary: "Who did what, and when" },
  { slug: "settings", title: "Settings", href: "/settings", roles: ["admin"], summary: "Connections, policy, users" },
  { slug: "runbook", title: "Runbook", href: "/runbook", roles: ALL_ROLES, summary: "What to do when" },
] as const satisfies readonly ConsolePage[];

export type PageSlug = (typeof CONSOLE_PAGES)[number]["slug"];

export function pageBySlug(slug: PageSlug): ConsolePage {
  const page = CONSOLE_PAGES.find((p) => p.slug === slug);
  if (!page) throw new Error(`Unknown console page ${slug}`);
  return page;
}

export function canSee(role: Role, slug: PageSlug): boolean {
  return pageBySlug(slug).roles.includes(role);
}

export function pagesFor(role: Role): ConsolePage[] {
  return CONSOLE_PAGES.filter((p) => (p.roles as readonly Role[]).includes(role));
}

/** Roles that may see who a record is (emails, names) where a page shows samples rather than its own rows. */
export const CONTACT_DETAIL_ROLES: readonly Role[] = ["admin", "ops"];

export function canSeeContactDetails(role: Role): boolean {
  return CONTACT_DETAIL_ROLES.includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Where each role lands after signing in without a page to return to: finance's question is revenue. */
const HOME: Record<Role, PageSlug> = { admin: "overview", ops: "overview", marketing: "overview", finance: "revenue" };

export function homeFor(role: Role): string {
  return pageBySlug(HOME[role]).href;
}
