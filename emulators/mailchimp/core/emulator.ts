import type { BatchRecord } from "../batches/batch-types.js";
import type { Store } from "./ecommerce-types.js";
import type { OrderNotification } from "../ecommerce/notifications.js";
import { notFound } from "../http/problem.js";
import { createRandom, type Random } from "./random.js";
import { resolveOptions, type EmulatorOptions, type ResolvedOptions } from "./options.js";
import { Stats } from "./stats.js";
import type { AudienceList } from "./types.js";
import { WebhookDispatcher } from "../webhooks/dispatcher.js";
import { BatchQueue } from "../batches/batch-queue.js";

// The emulated account and its services. One account per emulator: every configured API key opens it.

export interface Account {
  lists: Map<string, AudienceList>;
  stores: Map<string, Store>;
  batches: Map<string, BatchRecord>;
  batchResults: Map<string, Buffer>;
  /** Order notifications and purchase automations Mailchimp would have sent (ecommerce/notifications.ts). */
  notifications: OrderNotification[];
}

export interface Service {
  reset(): void;
  close(): void;
}

export class Emulator {
  readonly options: ResolvedOptions;
  readonly stats = new Stats();
  random: Random;
  account: Account = Emulator.emptyAccount();
  publicOrigin = "";
  private counter = 1000;
  private readonly services: Service[] = [];
  readonly webhooks: WebhookDispatcher;
  readonly batches: BatchQueue;

  constructor(options: EmulatorOptions) {
    this.options = resolveOptions(options);
    this.random = createRandom(this.options.seed);
    this.webhooks = this.register(new WebhookDispatcher(this));
    this.batches = this.register(new BatchQueue(this));
  }

  private static emptyAccount(): Account {
    return { lists: new Map(), stores: new Map(), batches: new Map(), batchResults: new Map(), notifications: [] };
  }

  register<T extends Service>(service: T): T {
    this.services.push(service);
    return service;
  }

  now(): number {
    return Date.now();
  }

  /** The id counter, saved and restored with the account (state-file.ts). */
  get idCounter(): number {
    return this.counter;
  }

  set idCounter(value: number) {
    this.counter = value;
  }

  // Monotonic integers for web_id, tag ids, segment ids, merge ids across the account.
  nextId(): number {
    this.counter += 1;
    return this.counter;
  }

  list(listId: string): AudienceList {
    const list = this.account.lists.get(listId);
    if (!list) throw notFound();
    return list;
  }

  apiOrigin(): string {
    return `${this.publicOrigin}/3.0`;
  }

  reset(): void {
    for (const service of this.services) service.reset();
    this.account = Emulator.emptyAccount();
    this.random = createRandom(this.options.seed);
    this.counter = 1000;
  }

  close(): void {
    for (const service of this.services) service.close();
  }
}
