import { AsyncLocalStorage } from "node:async_hooks";
import { classifyHttpFailure, classifyMailchimpError } from "./classify";
import type { MailchimpConfig } from "./config";
import { resolveBasePath } from "./config";
import { MailchimpRequestCounter } from "./counter";
import { createSdk, type Sdk } from "./sdk";

/** Who is waiting: consent changes go before live orders, which go before backfills. */
export type MailchimpPriority = "consent" | "live" | "backfill";

/** One finished call, for monitoring: what it asked, how it ended, how long it waited for a slot and took. */
export interface MailchimpCall {
  method: string;
  /** The route template, e.g. "/lists/{list_id}/members/{subscriber_hash}". */
  route: string;
  /** "ok", or the MailchimpError kind ("throttle", "transient", "invalid", ...). */
  outcome: string;
  waitMs: number;
  ms: number;
}

/** Resolves when a connection slot is free; the returned function gives the slot back. */
export type AcquireSlot = (priority: MailchimpPriority) => Promise<() => void>;

export interface MailchimpClientOptions {
  /** Per HTTP call. Mailchimp itself gives up at 120 s. */
  timeoutMs?: number;
  acquire?: AcquireSlot;
  counter?: MailchimpRequestCounter;
  /** Used to download batch result archives (which live on another host). */
  fetch?: typeof fetch;
  /** Told of every call once it has ended (lib/metrics/call-stats.ts); must not throw. */
  observe?: (call: MailchimpCall) => void;
}

/** The call in flight in this async context: callApi names its route here for run()'s observer. */
const inFlight = new AsyncLocalStorage<{ method: string; route: string }>();

const noSlot: AcquireSlot = async () => () => undefined;

/** One account: one SDK instance, one counter, one slot source. Shared by every priority view of the client. */
export class MailchimpCore {
  readonly sdk: Sdk;
  readonly counter: MailchimpRequestCounter;
  readonly timeoutMs: number;
  private readonly acquire: AcquireSlot;
  private readonly fetchImpl: typeof fetch;
  private readonly observe: ((call: MailchimpCall) => void) | undefined;

  constructor(config: MailchimpConfig, options: MailchimpClientOptions) {
    this.sdk = createSdk();
    this.counter = options.counter ?? new MailchimpRequestCounter();
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.acquire = options.acquire ?? noSlot;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.observe = options.observe;
    const api = this.sdk.apiClient;
    api.basePath = resolveBasePath(config);
    // No `server` key on purpose: the SDK would otherwise replace the first "server" anywhere in the URL.
    api.setConfig({ apiKey: config.apiKey });
    api.timeout = this.timeoutMs;
    const callApi = api.callApi.bind(api);
    api.callApi = (path, httpMethod, ...rest) => {
      this.counter.record(httpMethod, path);
      const call = inFlight.getStore();
      if (call) Object.assign(call, { method: httpMethod.toUpperCase(), route: path });
      return callApi(path, httpMethod, ...rest);
    };
  }

  /** Every HTTP call goes through here: waits for a slot, and turns any failure into a MailchimpError. */
  async run<T>(priority: MailchimpPriority, call: (sdk: Sdk) => Promise<unknown>): Promise<T> {
    const asked = performance.now();
    const release = await this.acquire(priority);
    const started = performance.now();
    const named = { method: "", route: "" };
    let outcome = "ok";
    try {
      return (await inFlight.run(named, () => call(this.sdk))) as T;
    } catch (err) {
      const error = classifyMailchimpError(err);
      outcome = error.kind;
      throw error;
    } finally {
      release();
      if (this.observe && named.route) {
        this.observe({ method: named.method, route: named.route, outcome, waitMs: started - asked, ms: performance.now() - started });
      }
    }
  }

  /**
   * Plain GET of an absolute URL. Batch archives are pre-signed links on another host (S3): no API key is sent
   * and no connection slot is taken, as they do not count against the account's 10 connections.
   */
  async download(url: string): Promise<Buffer> {
    this.counter.record("GET", "{response_body_url}");
    try {
      const response = await this.fetchImpl(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      const bytes = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw classifyHttpFailure(response.status, bytes.toString("utf8"));
      return bytes;
    } catch (err) {
      throw classifyMailchimpError(err);
    }
  }
}
