import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MailchimpClient } from "@/lib/mailchimp";

/** A store with is_syncing on, as Bridgeline recorded it (commerce_stores) and/or as Mailchimp reports it. */
export interface SyncingStore {
  storeId: string;
  listId: string | null;
  /** When the switch was last set: commerce_stores.updated_at, else the store's updated_at in Mailchimp. */
  since: Date | null;
  seenBy: Array<"bridgeline" | "mailchimp">;
}

export interface StoreSignals {
  stores: SyncingStore[];
  /** A commerce step holds its batch right now: its stores are syncing on purpose. */
  commerceStepRunning: boolean;
  mailchimpChecked: boolean;
}

const PAGE = 1000;

/**
 * Stores left in is_syncing (lib/commerce/README.md "Never email anyone by accident"): while it is on, Mailchimp
 * sends no order notification and no abandoned-cart email for the store. A commerce step turns it on for its
 * writes and off in a finally; one that died leaves it on until the next step sweeps it. Mailchimp's stores are
 * read a page of 1,000 at a time, with four fields; without a client only Bridgeline's record is read.
 */
export async function readStoreSignals(prisma: PrismaClient, mailchimp?: MailchimpClient): Promise<StoreSignals> {
  const byId = new Map<string, SyncingStore>();
  for (const s of await prisma.commerceStore.findMany({ where: { syncing: true }, select: { storeId: true, listId: true, updatedAt: true } }))
    byId.set(s.storeId, { storeId: s.storeId, listId: s.listId, since: s.updatedAt, seenBy: ["bridgeline"] });
  if (mailchimp) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await mailchimp.ecommerce.stores.list({ count: PAGE, offset, fields: ["stores.id", "stores.list_id", "stores.is_syncing", "stores.updated_at", "total_items"] });
      for (const s of page.stores) {
        if (s.is_syncing !== true) continue;
        const known = byId.get(s.id);
        if (known) known.seenBy.push("mailchimp");
        else byId.set(s.id, { storeId: s.id, listId: s.list_id ?? null, since: parseTime(s.updated_at), seenBy: ["mailchimp"] });
      }
      if (page.stores.length < PAGE || offset + PAGE >= page.total_items) break;
    }
  }
  const running = await prisma.syncBatch.count({ where: { kind: "commerce", status: "running" } });
  return { stores: [...byId.values()].sort((a, b) => a.storeId.localeCompare(b.storeId)), commerceStepRunning: running > 0, mailchimpChecked: mailchimp !== undefined };
}

/**
 * Pure: the stores stuck syncing. None while a commerce step runs; otherwise a store whose switch has been on for
 * `minutes` or more (or since an unknown time).
 */
export function stuckStores(signals: StoreSignals, now: Date, minutes: number): SyncingStore[] {
  if (signals.commerceStepRunning) return [];
  return signals.stores.filter((s) => s.since === null || now.getTime() - s.since.getTime() >= minutes * 60_000);
}

function parseTime(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}
