import { createBatchSubscribe } from "./batch-subscribe";
import { createBatchesApi } from "./batches";
import type { MailchimpConfig } from "./config";
import { MailchimpCore, type MailchimpClientOptions, type MailchimpPriority } from "./core";
import type { MailchimpRequestCounter } from "./counter";
import { createEcommerceApi } from "./ecommerce";
import { createListsApi, createMergeFieldsApi, createWebhooksApi } from "./lists";
import { createMembersApi } from "./members";
import type { Runner } from "./runner";

/**
 * One Mailchimp account. Holds its own SDK instance (never the package singleton), so several accounts can live
 * in one process. No retries here: wrap calls in withRetry() where a retry is safe.
 */
export class MailchimpClient {
  readonly lists;
  readonly mergeFields;
  readonly members;
  readonly webhooks;
  readonly batches;
  readonly ecommerce;
  readonly batchSubscribe;
  private readonly core: MailchimpCore;

  constructor(config: MailchimpConfig, options?: MailchimpClientOptions);
  constructor(core: MailchimpCore, options: MailchimpClientOptions, priority: MailchimpPriority);
  constructor(
    source: MailchimpConfig | MailchimpCore,
    options: MailchimpClientOptions = {},
    readonly priority: MailchimpPriority = "live",
  ) {
    this.core = source instanceof MailchimpCore ? source : new MailchimpCore(source, options);
    const run: Runner = (call) => this.core.run(this.priority, call);
    this.lists = createListsApi(run);
    this.mergeFields = createMergeFieldsApi(run);
    this.members = createMembersApi(run);
    this.webhooks = createWebhooksApi(run);
    this.batches = createBatchesApi(run, this.core);
    this.ecommerce = createEcommerceApi(run);
    this.batchSubscribe = createBatchSubscribe(run);
  }

  /** Same account, same connection budget and counter; calls made through the view queue at this priority. */
  withPriority(priority: MailchimpPriority): MailchimpClient {
    return new MailchimpClient(this.core, {}, priority);
  }

  get counter(): MailchimpRequestCounter {
    return this.core.counter;
  }

  /** GET /ping: {health_status: "Everything's Chimpy!"} when key and host are right. */
  ping(): Promise<{ health_status: string }> {
    return this.core.run(this.priority, (s) => s.ping.get());
  }
}
