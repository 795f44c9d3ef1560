// Every knob of the emulator, shared by the CLI (main.ts) and startOdooEmulator().
import type { OdooVersion } from "./store/store.js";

export const FAULT_KINDS = ["timeout", "502", "503", "504", "429", "session-expired"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Fixture: Odoo model name -> records with Odoo field names and ids (many2one as id or [id, name]). */
export type FixtureData = Record<string, Record<string, unknown>[]>;

export interface OdooEmulatorOptions {
  port?: number;
  host?: string;
  db?: string;
  login?: string;
  apiKey?: string;
  /** The user's password is accepted wherever the API key is, as Odoo does. */
  password?: string;
  version?: OdooVersion;
  fixture?: string | FixtureData;
  generate?: number;
  /** Sale orders the generator makes (default three per partner): `npm run bench` sizes its e-commerce step with it. */
  orders?: number;
  seed?: number;
  latencyMs?: number;
  jitterMs?: number;
  faultRate?: number;
  faultKinds?: FaultKind[];
  /** How long a "timeout" fault holds the connection before dropping it. */
  hangMs?: number;
  maxRecordsPerCall?: number;
  /** Log each request to stderr. */
  verbose?: boolean;
}

export type ResolvedOptions = Required<Omit<OdooEmulatorOptions, "fixture" | "generate" | "orders">> & Pick<OdooEmulatorOptions, "fixture" | "generate" | "orders">;

export const DEMO_PARTNERS = 300;

export function resolveOptions(o: OdooEmulatorOptions): ResolvedOptions {
  return {
    port: o.port ?? 8069,
    host: o.host ?? "127.0.0.1",
    db: o.db ?? "bridgeline",
    login: o.login ?? "admin",
    apiKey: o.apiKey ?? "odoo-demo-key",
    password: o.password ?? "admin",
    version: o.version ?? "17.0",
    fixture: o.fixture,
    generate: o.fixture === undefined ? o.generate ?? DEMO_PARTNERS : o.generate,
    orders: o.orders,
    seed: o.seed ?? 1,
    latencyMs: o.latencyMs ?? 0,
    jitterMs: o.jitterMs ?? 0,
    faultRate: o.faultRate ?? 0,
    faultKinds: o.faultKinds ?? ["502", "504", "timeout", "session-expired"],
    hangMs: o.hangMs ?? 30_000,
    maxRecordsPerCall: o.maxRecordsPerCall ?? 20_000,
    verbose: o.verbose ?? false,
  };
}
