import type { Emulator, Service } from "../core/emulator.js";
import { webhookTime } from "../core/time.js";
import type { AudienceList, Webhook } from "../core/types.js";
import type { WebhookEvent } from "./payloads.js";
import { retryDelayMs } from "./retry-schedule.js";

// Delivers events to the audience's webhooks: form-encoded POSTs, retried with backoff, disabled by a 410.

export interface DeliveryRecord {
  webhook_id: string;
  url: string;
  type: string;
  attempt: number;
  outcome: "delivered" | "failed" | "disabled" | "gave_up";
  status: number | null;
  at: string;
}

export class WebhookDispatcher implements Service {
  readonly log: DeliveryRecord[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly emulator: Emulator) {}

  fire(list: AudienceList, event: WebhookEvent): void {
    if (list.webhooks.size === 0) return;
    const body = new URLSearchParams([["type", event.type], ["fired_at", webhookTime(this.emulator.now())], ...event.data]).toString();
    for (const webhook of list.webhooks.values()) {
      if (webhook.disabled || !webhook.events[event.type]) continue;
      if (!event.sources.some((s) => webhook.sources[s])) continue;
      this.schedule(webhook, event.type, body, 0, 0);
    }
  }

  private schedule(webhook: Webhook, type: string, body: string, attempt: number, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(webhook, type, body, attempt).finally(() => this.settleIdle());
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(webhook: Webhook, type: string, body: string, attempt: number): Promise<void> {
    if (webhook.disabled) return;
    const status = await this.post(webhook.url, body);
    const record = (outcome: DeliveryRecord["outcome"]): void => {
      this.log.push({ webhook_id: webhook.id, url: webhook.url, type, attempt, outcome, status, at: new Date().toISOString() });
    };
    if (status !== null && status >= 200 && status < 300) {
      this.emulator.stats.delivery("succeeded");
      return record("delivered");
    }
    this.emulator.stats.delivery("failed");
    if (status === 410) {
      webhook.disabled = true;
      return record("disabled");
    }
    const wait = retryDelayMs(attempt, this.emulator.options.webhookRetryMs);
    if (wait === null) return record("gave_up");
    record("failed");
    this.schedule(webhook, type, body, attempt + 1, wait);
  }

  // Returns the HTTP status, or null when the receiver did not answer within the timeout or the connection failed.
  private async post(url: string, body: string): Promise<number | null> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(), this.emulator.options.webhookTimeoutMs);
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "MailChimp" },
        body,
        signal: controller.signal,
      });
      await res.arrayBuffer();
      return res.status;
    } catch (error) {
      if (error instanceof Error) return null;
      throw error;
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  /**
   * Resolves once no delivery is scheduled or on the wire: an in-process host (a test) waits for this before
   * asserting that nothing more arrives, instead of sleeping and hoping.
   */
  whenIdle(): Promise<void> {
    if (this.timers.size + this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settleIdle(): void {
    if (this.timers.size + this.inFlight.size > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  reset(): void {
    this.close();
    this.log.length = 0;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
    this.settleIdle();
  }
}
