import type { OdooClient } from "@/lib/odoo";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * How consent lands in Odoo. Most companies use mail.blacklist (what Odoo's own mailing honours); some keep a
 * boolean opt-out field on res.partner instead. The planner's policy may supply this later; until then callers
 * pass it or get the defaults.
 */
export type OptOutTarget = { kind: "blacklist" } | { kind: "partner_field"; field: string };

export interface ConsentSettings {
  target: OptOutTarget;
  /**
   * A subscribe event may lift the Odoo opt-out. Off by default: only the person can re-subscribe in Mailchimp
   * (compliance state blocks admins and the API), but Odoo's blacklist may hold opt-outs from other channels.
   */
  liftOptOutOnResubscribe: boolean;
  /** More people than this written back to Odoo within `approvalWindowMinutes` wait for an admin. */
  approvalThreshold: number;
  /** The window the threshold counts in (policy `consent.approvalWindowMinutes`, an hour by default). */
  approvalWindowMinutes: number;
}

export const DEFAULT_APPROVAL_THRESHOLD = 50;

export const DEFAULT_CONSENT_SETTINGS: ConsentSettings = {
  target: { kind: "blacklist" },
  liftOptOutOnResubscribe: false,
  approvalThreshold: DEFAULT_APPROVAL_THRESHOLD,
  approvalWindowMinutes: 60,
};

/** What the processor, the write-back worker and the poller need; a clock so tests can move time. */
export interface ConsentDeps {
  prisma: PrismaClient;
  odoo: OdooClient;
  settings?: Partial<ConsentSettings>;
  /** Read before each pass (the active policy's consent section), over `settings`. */
  loadSettings?: () => Promise<Partial<ConsentSettings>>;
  now?: () => Date;
  /** The worker claiming write-backs (sync_workers.id): if it dies, its claims are released at once. */
  leaseHolder?: string;
}

export function settingsOf(deps: Pick<ConsentDeps, "settings">): ConsentSettings {
  return { ...DEFAULT_CONSENT_SETTINGS, ...deps.settings };
}

export function nowOf(deps: Pick<ConsentDeps, "now">): Date {
  return deps.now ? deps.now() : new Date();
}

/** Mailchimp keys members by the lowercased address; so do sync_records. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
