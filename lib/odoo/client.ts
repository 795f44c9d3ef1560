import type { BackoffPolicy } from "./backoff";
import { DEFAULT_BACKOFF } from "./backoff";
import type { OdooConfig } from "./config";
import { OdooRequestCounter } from "./counter";
import type { OdooError } from "./errors";
import { retryTransient } from "./retry";
import { Json2Transport } from "./json2";
import { JsonRpcTransport } from "./jsonrpc";
import type { OdooCall, OdooTransport } from "./transport";
import type { CallOptions, FieldMeta, OdooContext, OdooDomain, OdooRecord, SearchPageOptions } from "./types";
import { keysetPages, type KeysetOptions } from "./paging";
import { changedSince, type ChangedPage, type ChangedSinceOptions } from "./cursor";

export interface OdooClientOptions {
  /** Per HTTP request; Odoo.sh gateways cut long calls, so keep this well under 120 s. */
  timeoutMs?: number;
  retry?: BackoffPolicy;
  /** Largest page searchPage/pages accept, and the most ids read() takes at once. */
  maxPageSize?: number;
  /** Merged under every call's context (e.g. {lang: "en_US"}). */
  context?: OdooContext;
  counter?: OdooRequestCounter;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { model: string; method: string; attempt: number; delayMs: number; error: OdooError }) => void;
}

export interface RawCallOptions extends CallOptions {
  ids?: number[];
  params?: Record<string, unknown>;
  positional?: string[];
  /** False for calls that must not run twice (create): ambiguous failures are then not retried. */
  idempotent?: boolean;
}

const UNPAGED_SEARCHES = new Set(["search", "search_read", "web_search_read"]);

export class OdooClient {
  readonly counter: OdooRequestCounter;
  readonly maxPageSize: number;
  private readonly transport: OdooTransport;
  private readonly retry: BackoffPolicy;
  private uid: number | null | undefined;

  constructor(
    readonly config: OdooConfig,
    private readonly options: OdooClientOptions = {},
  ) {
    this.counter = options.counter ?? new OdooRequestCounter();
    this.retry = options.retry ?? DEFAULT_BACKOFF;
    this.maxPageSize = options.maxPageSize ?? 1000;
    const http = { timeoutMs: options.timeoutMs ?? 30_000, fetch: options.fetch ?? globalThis.fetch };
    this.transport =
      config.protocol === "json2"
        ? new Json2Transport(config, http, this.counter)
        : new JsonRpcTransport(config, http, this.counter);
  }

  get protocol(): OdooConfig["protocol"] {
    return this.transport.protocol;
  }

  /** Checks the credentials (cached); throws OdooAuthError when they are refused. */
  async authenticate(): Promise<number | null> {
    if (this.uid === undefined) this.uid = await this.withRetry("common", "authenticate", true, () => this.transport.authenticate());
    return this.uid;
  }

  /** Any model method. Searches must carry a limit: unpaged reads are refused here, not discovered in production. */
  async call(model: string, method: string, opts: RawCallOptions = {}): Promise<unknown> {
    const params = opts.params ?? {};
    if (UNPAGED_SEARCHES.has(method) && !isPositiveInt(params.limit)) {
      throw new RangeError(`${model}.${method} needs a positive limit; use pages() for full scans`);
    }
    const call: OdooCall = { model, method, ids: opts.ids, params, positional: opts.positional, context: this.contextFor(opts) };
    return this.withRetry(model, method, opts.idempotent ?? true, async () => {
      // Not this.authenticate(): its own retry loop would nest inside this one.
      if (this.uid === undefined && this.transport.needsUid) this.uid = await this.transport.authenticate();
      return this.transport.execute(call, this.uid ?? null);
    });
  }

  async searchPage<T extends OdooRecord = OdooRecord>(model: string, opts: SearchPageOptions): Promise<T[]> {
    if (!isPositiveInt(opts.limit) || opts.limit > this.maxPageSize) {
      throw new RangeError(`limit must be 1..${this.maxPageSize}, got ${opts.limit}`);
    }
    const params = { domain: opts.domain ?? [], fields: opts.fields, limit: opts.limit, offset: opts.offset ?? 0, order: opts.order ?? "id asc" };
    return (await this.call(model, "search_read", { ...opts, params })) as T[];
  }

  /** Every matching record exactly once, page by page, keyset on id. */
  pages<T extends OdooRecord = OdooRecord>(model: string, opts: KeysetOptions): AsyncGenerator<T[]> {
    return keysetPages<T>(this, model, opts);
  }

  /** Rows written since a cursor, with an overlap window for late-committing transactions. */
  changedSince<T extends OdooRecord = OdooRecord>(model: string, opts: ChangedSinceOptions): AsyncGenerator<ChangedPage<T>> {
    return changedSince<T>(this, model, opts);
  }

  async searchCount(model: string, domain: OdooDomain = [], opts: CallOptions = {}): Promise<number> {
    return (await this.call(model, "search_count", { ...opts, params: { domain }, positional: ["domain"] })) as number;
  }

  async fieldsGet(model: string, attributes: string[] = ["type", "string", "required", "readonly", "relation", "selection"], opts: CallOptions = {}) {
    return (await this.call(model, "fields_get", { ...opts, params: { attributes } })) as Record<string, FieldMeta>;
  }

  async read<T extends OdooRecord = OdooRecord>(model: string, ids: number[], fields: string[], opts: CallOptions = {}): Promise<T[]> {
    if (ids.length > this.maxPageSize) throw new RangeError(`read() takes at most ${this.maxPageSize} ids; split the list`);
    if (ids.length === 0) return [];
    return (await this.call(model, "read", { ...opts, ids, params: { fields } })) as T[];
  }

  async write(model: string, ids: number[], vals: Record<string, unknown>, opts: CallOptions = {}): Promise<boolean> {
    return (await this.call(model, "write", { ...opts, ids, params: { vals }, positional: ["vals"] })) === true;
  }

  /** Not retried after ambiguous failures (timeouts, resets, 502/504): the row may already exist. */
  async create(model: string, valsList: Array<Record<string, unknown>>, opts: CallOptions = {}): Promise<number[]> {
    const result = await this.call(model, "create", { ...opts, params: { vals_list: valsList }, positional: ["vals_list"], idempotent: false });
    return Array.isArray(result) ? (result as number[]) : [result as number];
  }

  async unlink(model: string, ids: number[], opts: CallOptions = {}): Promise<boolean> {
    return (await this.call(model, "unlink", { ...opts, ids })) === true;
  }

  private contextFor(opts: CallOptions): OdooContext | undefined {
    const merged: OdooContext = { ...this.options.context, ...opts.context };
    if (opts.activeTest === false) merged.active_test = false;
    return Object.keys(merged).length === 0 ? undefined : merged;
  }

  private withRetry<T>(model: string, method: string, idempotent: boolean, fn: () => Promise<T>): Promise<T> {
    const { sleep, random, onRetry } = this.options;
    const hooks = {
      policy: this.retry,
      sleep,
      random,
      onRetry: onRetry && ((info: { attempt: number; delayMs: number; error: OdooError }) => onRetry({ model, method, ...info })),
      forgetSession: () => (this.uid = undefined),
    };
    return retryTransient(hooks, idempotent, fn);
  }
}

function isPositiveInt(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}
