import { createHash } from "node:crypto";
import type { MailchimpPriority } from "@/lib/mailchimp";

/**
 * Advisory-lock key spaces. Postgres' two-int form (classid, objid) shows up in pg_locks, which is how every
 * process sees the others' slots and waiters. Keys stay in 0..2^31-1 so classid (an oid) compares as is.
 */
export function lockSpace(label: string): number {
  return createHash("sha256").update(label).digest().readUInt32BE(0) & 0x7fffffff;
}

/** One space per API key: the limit is Mailchimp's, per key, whatever process or database user holds it. */
export const slotSpace = (apiKey: string) => lockSpace(`bridgeline:mailchimp-slot:${apiKey}`);
export const waitSpace = (apiKey: string) => lockSpace(`bridgeline:mailchimp-wait:${apiKey}`);

/** Lower is served first. */
export const PRIORITY_RANK: Record<MailchimpPriority, number> = { consent: 0, live: 1, backfill: 2 };
