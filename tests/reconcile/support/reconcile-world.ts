import { createOne } from "@/emulators/odoo/orm/write";
import { subscriberHash } from "@/lib/mailchimp";
import { handlePassJob } from "@/lib/reconcile/run/pass-job";
import { handleBatchJob } from "@/lib/sync/run/batch-job";
import { handlePlanJob } from "@/lib/sync/run/plan-job";
import { FAST_RETRY, quietLog, recordingQueue } from "@/tests/sync/run/helpers";
import type { World } from "@/tests/consent/support/consent-world";

/**
 * The consent world (both emulators, the real planner and executors in-process) plus what reconciliation
 * needs: a pass run the way the worker runs it, queued runs (repairs) driven to their end, and the changes
 * people make in Mailchimp behind the engine's back.
 */
export function reconcileTools(world: World) {
  const { prisma } = world;
  const queue = recordingQueue();
  const api = mailchimpApi(world);
  return {
    queue,
    /** A read-back pass, handled as the worker's job handler does; resolves with the pass row. */
    async readBack() {
      const pass = await prisma.reconcilePass.create({ data: { trigger: "test" } });
      await handlePassJob({ prisma, odoo: world.odoo, mailchimp: world.rt.runtime.mailchimp, retry: FAST_RETRY, log: quietLog }, { passId: pass.id });
      return prisma.reconcilePass.findUniqueOrThrow({ where: { id: pass.id }, include: { audiences: true } });
    },
    /** Plans and sends every run the repairs queued, like the worker would. */
    async runQueued() {
      const runs = queue.plans.splice(0);
      world.rt.runtime.queue = queue;
      for (const runId of runs) {
        await handlePlanJob(world.rt.runtime, { runId });
        for (const b of queue.batches.splice(0)) await handleBatchJob(world.rt.runtime, b);
      }
      return prisma.syncRun.findMany({ where: { id: { in: runs } } });
    },
    gaps: (passId: string, kind?: string) => prisma.reconcileGap.findMany({ where: { passId, ...(kind ? { kind } : {}) }, orderBy: [{ kind: "asc" }, { email: "asc" }] }),
    /** DELETE /lists/{id}/members/{hash}: Mailchimp archives the member (what "delete" means in its API). */
    archive: (listId: string, email: string) => api("DELETE", `/lists/${listId}/members/${subscriberHash(email)}`),
    removeTag: (listId: string, email: string, tag: string) => api("POST", `/lists/${listId}/members/${subscriberHash(email)}/tags`, { tags: [{ name: tag, status: "inactive" }] }),
    editMerge: (listId: string, email: string, merge: Record<string, string>) => api("PATCH", `/lists/${listId}/members/${subscriberHash(email)}`, { merge_fields: merge }),
    /**
     * A confirmed order for a partner. The emulator creates no sale.order through its API and has no
     * action_confirm, so the order is written into its store as Odoo's confirm button would leave it.
     */
    confirmedOrder(partnerId: number, companyId: number) {
      const store = world.odooEmu.store;
      store.beginTransaction(2);
      const id = createOne(store, "sale.order", { name: `S9${partnerId}`, partner_id: partnerId, partner_invoice_id: partnerId, partner_shipping_id: partnerId, company_id: companyId, date_order: "2026-11-01 10:00:00" });
      const rec = store.get("sale.order", id);
      if (!rec) throw new Error(`no sale.order ${id}`);
      rec.state = "sale";
      return id;
    },
    addStranger: (listId: string, email: string) => api("POST", `/lists/${listId}/members`, { email_address: email, status: "subscribed" }),
  };
}

/** A call to the Mailchimp emulator's API as a person (or another integration) would make it, behind the engine's back. */
export function mailchimpApi(world: World) {
  return async (method: string, path: string, body?: object) => {
    const res = await fetch(`${world.mcEmu.url}${path}`, {
      method,
      headers: { authorization: `Basic ${Buffer.from(`any:${world.mcEmu.apiKey}`).toString("base64")}`, "content-type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  };
}
