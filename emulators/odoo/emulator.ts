// The running emulator's state: its database, counters, fault plan and credentials.
import { accessError, OdooError, typeError } from "./errors.js";
import { FaultPlan } from "./http/faults.js";
import type { ResolvedOptions } from "./options.js";
import { buildStore } from "./data/build.js";
import { invoke, type CallResult } from "./orm/invoke.js";
import type { Context } from "./orm/search.js";
import { bind, notImplemented, SIGNATURES } from "./orm/signatures.js";
import { Stats } from "./stats.js";
import type { Store } from "./store/store.js";

/** A call returned more rows than a worker survives (limit_time_real): the proxy answers 502. */
export class WorkerKilled extends Error {}

export const ADMIN_UID = 2;

export class Emulator {
  store: Store;
  stats = new Stats();
  readonly faults: FaultPlan;

  constructor(readonly opts: ResolvedOptions) {
    this.store = buildStore(opts);
    this.faults = new FaultPlan(opts);
  }

  reset(): void {
    this.store = buildStore(this.opts);
    this.stats = new Stats();
  }

  /** API keys replace the password; the password itself still works, as in Odoo. */
  validSecret(secret: unknown): boolean {
    return typeof secret === "string" && secret !== "" && (secret === this.opts.apiKey || secret === this.opts.password);
  }

  /** Check private/unknown methods the way each protocol orders those checks. */
  resolveMethod(model: string, method: string): void {
    if (method.startsWith("_")) {
      const what = this.store.version === "17.0" ? method : `'${model}.${method}'`;
      throw accessError(`Private methods (such as ${what}) cannot be called remotely.`);
    }
    this.store.table(model);
    if (method in SIGNATURES) return;
    if (["name_search", "copy", "default_get", "read_group", "name_create", "check_access_rights", "web_search_read", "onchange"].includes(method) || method === "name_get")
      throw notImplemented(model, method);
    const message = this.store.version === "17.0"
      ? `The method '${method}' does not exist on the model '${model}'`
      : `The method '${model}.${method}' does not exist`;
    throw new OdooError("builtins.AttributeError", message);
  }

  call(model: string, method: string, ids: unknown[], args: unknown[], kwargs: Record<string, unknown>, context: Context): CallResult {
    const sig = SIGNATURES[method]!;
    const bound = bind(method, sig, args, kwargs);
    if (!Array.isArray(ids)) throw typeError("ids must be a list");
    const out = invoke(this.store, model, method, ids, bound, context, {
      maxRecords: this.opts.maxRecordsPerCall,
      onExceeded: () => {
        throw new WorkerKilled(`${model}.${method} exceeded ${this.opts.maxRecordsPerCall} records`);
      },
    });
    this.stats.call(model, method, out.records);
    return out;
  }
}
