import type { RunningEmulators } from "@/scripts/lib/emulators";
import { controlJson, mailchimpOrigin } from "./emulators";

/** What GET /_emulator/stats of the Mailchimp emulator returns (emulators/mailchimp/core/stats.ts). */
export interface MailchimpStats {
  requests: Record<string, number>;
  records: Record<string, number>;
  max_concurrent: Record<string, number>;
  errors: Record<string, number>;
}

export const readMailchimpStats = (e: RunningEmulators) => controlJson<MailchimpStats>(mailchimpOrigin(e), "/_emulator/stats");
export const resetMailchimpStats = (e: RunningEmulators) => controlJson<unknown>(mailchimpOrigin(e), "/_emulator/stats/reset", {});

/** The Odoo emulator cannot zero its counters without rebuilding its data, so steps take differences. */
export async function readOdooRequests(e: RunningEmulators): Promise<number> {
  return (await controlJson<{ requests: number }>(e.odoo.url, "/_emulator/stats")).requests;
}

/** API requests the client made (background /batches operations are the emulator's work, not requests). */
export function apiRequests(s: MailchimpStats): Record<string, number> {
  return Object.fromEntries(Object.entries(s.requests).filter(([route]) => !route.startsWith("BATCH ")));
}

export function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Anything that writes a member: batch subscribe, member writes, tag writes, /batches and what they run. */
export function memberWrites(s: MailchimpStats): number {
  return total(Object.fromEntries(Object.entries(s.requests).filter(([route]) => isMemberWrite(route))));
}

export function isMemberWrite(route: string): boolean {
  if (isEcommerce(route)) return false;
  if (route.startsWith("BATCH ") || route === "POST /batches" || route === "POST /lists/{list_id}") return true;
  const [method = "", template = ""] = route.split(" ");
  return method !== "GET" && template.includes("/members");
}

const isEcommerce = (route: string) => route.includes(" /ecommerce");

/** E-commerce writes: store, product, customer and order requests but GETs, direct or run by /batches. */
export function ecommerceWrites(s: MailchimpStats): number {
  return total(Object.fromEntries(Object.entries(s.requests).filter(([route]) => isEcommerce(route) && !/^(BATCH )?GET /.test(route))));
}

/** The operations /batches ran, by route (the emulator counts them as "BATCH <route>"). */
export function batchRoutes(s: MailchimpStats): Record<string, number> {
  return Object.fromEntries(Object.entries(s.requests).filter(([route]) => route.startsWith("BATCH ")).map(([route, n]) => [route.slice(6), n]));
}

/** Counters since `before` (max_concurrent is a high-water mark: the later one stands). */
export function statsSince(after: MailchimpStats, before: MailchimpStats): MailchimpStats {
  const minus = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b[k] ?? 0)]).filter(([, v]) => (v as number) > 0));
  return { requests: minus(after.requests, before.requests), records: minus(after.records, before.records), max_concurrent: after.max_concurrent, errors: minus(after.errors, before.errors) };
}

/** Operations /batches carried (the emulator counts them as records of POST /batches). */
export function batchOperations(s: MailchimpStats): { operations: number; submissions: number } {
  return { operations: s.records["POST /batches"] ?? 0, submissions: s.requests["POST /batches"] ?? 0 };
}

export function maxConnections(s: MailchimpStats): number {
  return Math.max(0, ...Object.values(s.max_concurrent));
}
