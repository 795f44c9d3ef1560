import { MailchimpError, withRetry, type MailchimpClient, type RetryPolicy } from "@/lib/mailchimp";
import type { Db } from "@/lib/sync/run/db";
import type { StorePlan } from "./build-plan";

/**
 * Stores and their is_syncing switch. The switch is recorded in commerce_stores before Mailchimp is asked to turn
 * it on, so a step that dies mid-load leaves a row saying so, and the next step (sweepSyncing) turns it off.
 */
export async function openStore(prisma: Db, client: MailchimpClient, retry: RetryPolicy, store: StorePlan, quiet: boolean, known: boolean): Promise<void> {
  if (quiet) {
    await prisma.commerceStore.upsert({
      where: { storeId: store.storeId },
      create: { storeId: store.storeId, companyId: store.companyId, listId: store.listId, currency: store.currency, syncing: true },
      update: { syncing: true, updatedAt: new Date() },
    });
  }
  if (known) {
    if (quiet) await withRetry(() => client.ecommerce.stores.update(store.storeId, { is_syncing: true }), retry);
    return;
  }
  try {
    await withRetry(() => client.ecommerce.stores.add({
      id: store.storeId, list_id: store.listId, name: `${store.companyName || `Company ${store.companyId}`} (${store.currency})`,
      currency_code: store.currency, platform: "Odoo", is_syncing: quiet,
    }), retry);
  } catch (err) {
    // Created by a step that died before recording it: the same id is the same store.
    if (!(err instanceof MailchimpError && /already exists/i.test(`${err.detail ?? ""} ${JSON.stringify(err.errors)}`))) throw err;
    if (quiet) await withRetry(() => client.ecommerce.stores.update(store.storeId, { is_syncing: true }), retry);
  }
  if (!quiet) {
    await prisma.commerceStore.upsert({
      where: { storeId: store.storeId },
      create: { storeId: store.storeId, companyId: store.companyId, listId: store.listId, currency: store.currency, syncing: false },
      update: {},
    });
  }
}

/** Every store left syncing (this step's, or one a crashed or cancelled step left on) is switched off. */
export async function sweepSyncing(prisma: Db, client: MailchimpClient, retry: RetryPolicy): Promise<string[]> {
  const open = await prisma.commerceStore.findMany({ where: { syncing: true }, select: { storeId: true } });
  for (const { storeId } of open) {
    await withRetry(() => client.ecommerce.stores.update(storeId, { is_syncing: false }), retry);
    await prisma.commerceStore.update({ where: { storeId }, data: { syncing: false, updatedAt: new Date() } });
  }
  return open.map((s) => s.storeId);
}
