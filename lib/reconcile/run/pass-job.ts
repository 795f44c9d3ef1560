import type { Logger } from "pino";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailchimpClient, RetryPolicy } from "@/lib/mailchimp";
import type { OdooClient } from "@/lib/odoo";
import { getActivePolicy } from "@/lib/sync/policy";
import { readCursor } from "@/lib/sync/run/cursor";
import { writeAudienceStats } from "../compare/audience-stats";
import { findGaps } from "../compare/find-gaps";
import { findOrderGaps } from "../compare/find-order-gaps";
import { markCountedOrders } from "../compare/orders-once";
import { assignOrderBuyers } from "../compare/assign-order-buyers";
import { keepSentOrders } from "../compare/keep-sent-orders";
import { writeRevenue } from "../compare/write-revenue";
import { BlacklistStage } from "../read/blacklist";
import { readExpected } from "../read/expected";
import { oldestPendingChange } from "../read/lag";
import { readMembers } from "../read/members";
import { readOdooOrders } from "../read/odoo-orders";
import { readStoreOrders } from "../read/store-orders";
import type { PassJobData } from "./jobs";
import { prunePasses } from "./prune-passes";

export interface PassDeps {
  prisma: PrismaClient;
  odoo: OdooClient;
  /** The worker's governed client: the pass reads at backfill priority, behind live syncs and consent. */
  mailchimp: MailchimpClient;
  retry: RetryPolicy;
  log: Logger;
  now?: () => Date;
  /** Called after every pass, whatever its outcome (the worker evaluates the lag alert here). Never fails the pass. */
  afterPass?: () => Promise<void>;
}

/**
 * reconcile.pass: Odoo through the planner into reconcile_expected, each routed audience from Mailchimp into
 * reconcile_members and the orders of Bridgeline's stores into reconcile_mailchimp_orders (at the same time: one
 * waits on Odoo, the other on Mailchimp), Odoo's blacklist and its orders with their credit notes, then the
 * comparison in SQL and the revenue per month, company and currency. The previous pass stays the one the console shows until this one has succeeded.
 * A job retried after its worker died finds the pass still running and starts it over.
 */
export async function handlePassJob(deps: PassDeps, { passId }: PassJobData): Promise<void> {
  const { prisma } = deps;
  const pass = await prisma.reconcilePass.findUnique({ where: { id: passId } });
  if (!pass || (pass.status !== "queued" && pass.status !== "running")) return;
  const now = deps.now ?? (() => new Date());
  const t0 = Date.now();
  await clearPass(prisma, passId);
  await prisma.reconcilePass.update({ where: { id: passId }, data: { status: "running", startedAt: now(), heartbeatAt: now(), error: null } });
  const blacklist = new BlacklistStage(prisma, passId);
  try {
    const active = await getActivePolicy(prisma);
    if (!active) throw new Error("No policy is saved yet: there is nothing Odoo wants in Mailchimp to compare with.");
    const audiences = [...new Set(active.policy.routing.rules.map((r) => r.audienceId))].sort();
    const mailchimp = deps.mailchimp.withPriority("backfill");
    const pageSize = Math.min(active.policy.batching.odooPageSize, deps.odoo.maxPageSize);
    const [expected, members, [blacklisted, odooOrders]] = await Promise.all([
      readExpected(prisma, deps.odoo, active.policy, passId),
      (async () => {
        const out = { members: 0, requests: 0 };
        for (const audienceId of audiences) {
          const read = await readMembers(prisma, mailchimp, deps.retry, passId, audienceId);
          out.members += read.members;
          out.requests += read.requests;
        }
        const orders = await readStoreOrders(prisma, mailchimp, deps.retry, passId);
        return { ...out, requests: out.requests + orders.requests, orders };
      })(),
      (async () => [await blacklist.load(deps.odoo, pageSize), await readOdooOrders(prisma, deps.odoo, passId, pageSize)] as const)(),
    ]);
    const readMs = Date.now() - t0;
    const cursor = await readCursor(prisma);
    const oldest = await oldestPendingChange(deps.odoo, cursor);
    await findGaps(prisma, passId, blacklist.table, active.policy.tags.prefix);
    await assignOrderBuyers(prisma, deps.odoo, passId);
    await markCountedOrders(prisma, passId);
    await keepSentOrders(prisma, passId);
    await findOrderGaps(prisma, passId, members.orders.stores.map((s) => s.audienceId));
    await writeRevenue(prisma, passId, odooOrders.companies);
    await writeAudienceStats(prisma, passId, audiences);
    const summary = {
      audiences, ...expected, members: members.members, blacklisted,
      commerce: {
        stores: members.orders.stores.map((s) => s.storeId), mailchimpOrders: members.orders.orders,
        odooOrders: odooOrders.orders, creditNotes: odooOrders.creditNotes, unlinkedCreditNotes: odooOrders.unlinkedCreditNotes,
      },
      syncCursor: cursor?.toISOString() ?? null, neverSynced: oldest === undefined,
      timings: { readMs, compareMs: Date.now() - t0 - readMs, totalMs: Date.now() - t0 },
    };
    await prisma.reconcilePass.update({
      where: { id: passId },
      data: { status: "succeeded", finishedAt: now(), heartbeatAt: now(), requests: members.requests, policyVersion: active.version, oldestPendingAt: oldest ?? null, summary },
    });
    await prunePasses(prisma);
    deps.log.info({ passId, requests: members.requests, ms: Date.now() - t0 }, "reconciliation pass finished");
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await prisma.reconcilePass.update({ where: { id: passId }, data: { status: "failed", error: message, finishedAt: now() } });
    await clearPass(prisma, passId);
    // Not rethrown: a failed pass is visible on the page and the next one (schedule, run, button) starts clean.
    deps.log.warn({ passId, err: message }, "reconciliation pass failed");
  } finally {
    await blacklist.drop();
  }
  try {
    await deps.afterPass?.();
  } catch (err) {
    deps.log.warn({ err, passId }, "the after-pass listener failed");
  }
}

async function clearPass(prisma: PrismaClient, passId: string): Promise<void> {
  for (const table of ["reconcile_gaps", "reconcile_members", "reconcile_expected", "reconcile_audiences", "reconcile_odoo_orders", "reconcile_mailchimp_orders", "reconcile_revenue"])
    await prisma.$executeRawUnsafe(`DELETE FROM ${table} WHERE pass_id = $1::uuid`, passId);
}
