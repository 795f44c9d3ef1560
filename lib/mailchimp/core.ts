import { classifyHttpFailure, classifyMailchimpError } from "./classify";
import type { MailchimpConfig } from "./config";
import { resolveBasePath } from "./config";
import { MailchimpRequestCounter } from "./counter";
import { createSdk, type Sdk } from "./sdk";

/** Who is waiting: consent changes go before live orders, which go before backfills. */
export type MailchimpPriority = "consent" | "live" | "backfill";

/** Resolves when a connection slot is free; the returned function gives the slot back. */
export type AcquireSlot = (priority: MailchimpPriority) => Promise<() => void>;

export interface MailchimpClientOptions {
  /** Per HTTP call. Mailchimp itself gives up at 120 s. */
  timeoutMs?: number;
  acquire?: AcquireSlot;
  counter?: MailchimpRequestCounter;
  /** Used to download batch result archives (which live on another host). */
  fetch?: typeof fetch;
}

const noSlot: AcquireSlot = async () => () => undefined;

/** One account: one SDK instance, one counter, one slot source. Shared by every priority view of the client. */
export class MailchimpCore {
  readonly sdk: Sdk;
  readonly counter: MailchimpRequestCounter;
  readonly timeoutMs: number;
  private readonly acquire: AcquireSlot;
  private readonly fetchImpl: typeof fetch;

  constructor(config: MailchimpConfig, options: MailchimpClientOptions) {
    this.sdk = createSdk();
    this.counter = options.counter ?? new MailchimpRequestCounter();
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.acquire = options.acquire ?? noSlot;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    const api = this.sdk.apiClient;
    api.basePath = resolveBasePath(config);
    // No `server` key on purpose: the SDK would otherwise replace the first "server" anywhere in the URL.
    api.setConfig({ apiKey: config.apiKey });
    api.timeout = this.timeoutMs;
    const callApi = api.callApi.bind(api);
    api.callApi = (path, httpMethod, ...rest) => {
      this.counter.record(httpMethod, path);
      return callApi(path, httpMethod, ...rest);
    };
  }

  /** Every HTTP call goes through here: waits for a slot, and turns any failure into a MailchimpError. */
  async run<T>(priority: MailchimpPriority, call: (sdk: Sdk) => Promise<unknown>): Promise<T> {
    const release = await this.acquire(priority);
    try {
      return (await call(this.sdk)) as T;
    } catch (err) {
      throw classifyMailchimpError(err);
    } finally {
      release();
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
