import { realClock, type BatchClock } from "./clock.js";

// Every knob of the emulator, with the defaults documented in --help.

export interface EmulatorOptions {
  port?: number;
  host?: string;
  apiKeys?: string[];
  dc?: string;
  latencyMs?: number;
  perRecordMs?: number;
  jitterMs?: number;
  fault5xxRate?: number;
  fault429Rate?: number;
  faultTimeoutRate?: number;
  faultResetRate?: number;
  bare403Rate?: number;
  maxConnections?: number;
  webhookRetryMs?: number;
  webhookTimeoutMs?: number;
  batchPhaseMs?: number;
  /** In-process only (no flag): the clock /batches jobs run on. */
  batchClock?: BatchClock;
  seed?: number;
  // A number seeds that many empty audiences; a string is a path to a JSON fixture (see lists/seed-lists.ts).
  lists?: number | string;
}

export type ResolvedOptions = Required<Omit<EmulatorOptions, "lists">> & { lists: number | string };

export const DEFAULT_API_KEY = "0123456789abcdef0123456789abcdef-us21";

export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const dc = options.dc ?? "us21";
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    apiKeys: options.apiKeys && options.apiKeys.length > 0 ? options.apiKeys : [DEFAULT_API_KEY.replace(/us21$/, dc)],
    dc,
    latencyMs: options.latencyMs ?? 0,
    perRecordMs: options.perRecordMs ?? 0,
    jitterMs: options.jitterMs ?? 0,
    fault5xxRate: options.fault5xxRate ?? 0,
    fault429Rate: options.fault429Rate ?? 0,
    faultTimeoutRate: options.faultTimeoutRate ?? 0,
    faultResetRate: options.faultResetRate ?? 0,
    bare403Rate: options.bare403Rate ?? 0,
    maxConnections: options.maxConnections ?? 10,
    // One retry unit; the schedule is 1,2,4,8,20,40 units = 75 units, i.e. ~75 minutes at the default.
    webhookRetryMs: options.webhookRetryMs ?? 60_000,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    batchPhaseMs: options.batchPhaseMs ?? 20,
    batchClock: options.batchClock ?? realClock,
    seed: options.seed ?? 1,
    lists: options.lists ?? 0,
  };
}
