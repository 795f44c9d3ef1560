import type { Runner } from "./runner";
import type { List, MergeField, MergeFieldInput, Webhook, WebhookInput } from "./types";

export function createListsApi(run: Runner) {
  return {
    get: (listId: string) => run<List>((s) => s.lists.getList(listId)),
    all: async (opts: { count?: number; offset?: number } = {}) =>
      (await run<{ lists: List[]; total_items: number }>((s) => s.lists.getAllLists({ count: 100, ...opts }))).lists,
  };
}

export function createMergeFieldsApi(run: Runner) {
  return {
    /** A list has at most a few dozen merge fields; count 1000 fetches them all in one call. */
    list: async (listId: string) =>
      (await run<{ merge_fields: MergeField[] }>((s) => s.lists.getListMergeFields(listId, { count: 1000 }))).merge_fields,
    create: (listId: string, field: MergeFieldInput) => run<MergeField>((s) => s.lists.addListMergeField(listId, field)),
  };
}

export function createWebhooksApi(run: Runner) {
  return {
    /** Mailchimp GETs the URL before accepting it, so the receiver must already answer 200 to GET. */
    create: (listId: string, webhook: WebhookInput) => run<Webhook>((s) => s.lists.createListWebhook(listId, webhook)),
    list: async (listId: string) => (await run<{ webhooks: Webhook[] }>((s) => s.lists.getListWebhooks(listId))).webhooks,
    /** PATCH /lists/{id}/webhooks/{webhook_id}: url, events and sources in place (a new url is validated again). */
    update: (listId: string, webhookId: string, webhook: WebhookInput) => run<Webhook>((s) => s.lists.updateListWebhook(listId, webhookId, webhook)),
    delete: async (listId: string, webhookId: string) => {
      await run<null>((s) => s.lists.deleteListWebhook(listId, webhookId));
    },
  };
}
