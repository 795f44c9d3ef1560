import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildDemoPolicy, getActivePolicy, savePolicy } from "@/lib/sync/policy";
import { bossQueue, requestRun, runSummary, startBoss, waitForRun } from "@/lib/sync/run";
import demoAudiences from "../demo-data/mailchimp-audiences.json" with { type: "json" };

/** The demo audiences' ids, in the order buildDemoPolicy names them. */
const [sf_b2b, sf_b2c, chicago, brussels] = demoAudiences.lists.map((l) => l.id) as [string, string, string, string];

/**
 * The demo's emulators start empty on every run while its database persists, so what the database
 * remembers about Mailchimp (synced hashes, runs, consent events) would be false: forget it, keep users,
 * policy versions and the audit trail.
 */
export async function forgetEmulatedSyncState(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(`TRUNCATE sync_records, sync_batches, sync_runs, sync_exceptions, exception_comments,
    sync_cursors, mailchimp_webhook_events, consent_writebacks, consent_approvals, reconcile_passes, reconcile_audiences,
    reconcile_gaps, reconcile_members, reconcile_expected, reconcile_odoo_orders, reconcile_mailchimp_orders, reconcile_revenue,
    commerce_stores, commerce_records RESTART IDENTITY CASCADE`);
  await prisma.$executeRawUnsafe(`DO $$ BEGIN
    IF to_regclass('pgboss.job') IS NOT NULL THEN EXECUTE 'DELETE FROM pgboss.job'; END IF; END $$`);
}

/**
 * A policy that routes the emulated business into the four demo audiences, saved once, with e-commerce on (the
 * business's orders and credit notes, in USD and EUR, reach Mailchimp: lib/commerce). A demo database saved before
 * commerce existed gets one more version that switches it on.
 */
export async function ensureDemoPolicy(prisma: PrismaClient): Promise<number> {
  const active = await getActivePolicy(prisma);
  if (active?.policy.commerce.enabled) return active.version;
  if (active) return savePolicy(prisma, { ...active.policy, commerce: { ...active.policy.commerce, enabled: true } }, { comment: "Demo: e-commerce on" });
  return savePolicy(prisma, { ...buildDemoPolicy({ sf_b2b, sf_b2c, chicago, brussels }), commerce: { enabled: true } }, {
    comment: "Demo: each company's customers in its own audiences, new members transactional, e-commerce on",
  });
}

/** Requests a full run (a worker must be attached: the console runs one in demo mode) and waits for it. */
export async function runInitialSync(prisma: PrismaClient, databaseUrl: string) {
  const boss = await startBoss(databaseUrl, {}, { supervise: false });
  try {
    const { runId } = await requestRun(prisma, { mode: "full", trigger: "demo" }, bossQueue(boss));
    return runSummary(await waitForRun(prisma, runId, { timeoutMs: 5 * 60_000 }));
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/**
 * The README's unsubscribe try-out, with a real member of the demo business: the emulator's control endpoints
 * live under its origin (/_emulator), not under the API's /3.0, which asks for an API key.
 */
export async function unsubscribeExample(mailchimpApiUrl: string): Promise<{ email: string; command: string } | undefined> {
  const origin = new URL(mailchimpApiUrl).origin;
  for (const { id } of demoAudiences.lists) {
    const res = await fetch(`${origin}/_emulator/lists/${id}/members`);
    if (!res.ok) throw new Error(`Mailchimp emulator: members of ${id} answered ${res.status}`);
    const { members } = (await res.json()) as { members: { email_address: string; status: string }[] };
    const member = members.find((m) => m.status !== "unsubscribed" && m.status !== "cleaned" && m.status !== "archived");
    if (!member) continue;
    const email = member.email_address;
    const segment = email.split("@").map(encodeURIComponent).join("@");
    return { email, command: `curl -X POST ${origin}/_emulator/lists/${id}/members/${segment}/actions/unsubscribe` };
  }
  return undefined;
}
