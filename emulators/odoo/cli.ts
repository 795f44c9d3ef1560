// Command-line flags for main.ts. Kept separate so --help and parsing stay in one place.
import { parseArgs } from "node:util";
import { DEMO_PARTNERS, FAULT_KINDS, type FaultKind, type OdooEmulatorOptions } from "./options.js";

export const HELP = `Odoo emulator (Odoo 17.0 /jsonrpc + Odoo 19 JSON-2 /json/2/<model>/<method>)

Usage: npx tsx emulators/odoo/main.ts [flags]

Server
  --port N                 listen port (default 8069; 0 = pick a free port)
  --host H                 listen address (default 127.0.0.1)
  --odoo-version V         17.0 (default) or 19.0: server_version, error texts, res.partner.mobile
Credentials
  --db NAME                database name (default bridgeline)
  --login LOGIN            user login, uid 2 (default admin)
  --api-key KEY            API key accepted as password / bearer token (default odoo-demo-key)
  --password PW            the user's password, also accepted like Odoo does (default admin)
Data (one of)
  --demo                   preset: ${DEMO_PARTNERS} partners, seed 1 (the default when nothing else is given)
  --generate N             generate ~N partners (about 3 orders each), deterministic per --seed
  --orders N               with --generate: only N sales are sale orders, the rest invoiced directly
  --fixture FILE           load a JSON fixture {"res.partner": [{...}], ...}
  --seed S                 seed for generation and fault injection (default 1)
Faults
  --latency-ms N           added to every request (default 0)
  --jitter-ms N            plus a random 0..N ms (default 0)
  --fault-rate R           share of requests that fail, 0..1 (default 0)
  --fault-kinds LIST       comma list of ${FAULT_KINDS.join(",")} (default 502,504,timeout,session-expired)
  --hang-ms N              how long a "timeout" fault holds the connection before dropping it (default 30000)
  --max-records-per-call N a call returning more rows answers 502 like a killed worker (default 20000)
Other
  --verbose                log each request to stderr
  --state FILE             restore the database from FILE and save it back there (every 2 s when changed, and on stop)
  --stop-with-parent       stop (saving the state) when stdin closes: the launching program is gone
  --help                   this text

Admin (not Odoo): GET /_emulator/stats, POST /_emulator/reset, POST /_emulator/touch {model, ids|fraction},
POST /_emulator/faults {fault_rate, fault_kinds, latency_ms, jitter_ms, max_records_per_call}. See README.md.
`;

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} expects a number, got ${v}`);
  return n;
}

export function parseCli(argv: string[]): { help: boolean; options: OdooEmulatorOptions } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string" }, host: { type: "string" }, "odoo-version": { type: "string" }, db: { type: "string" },
      login: { type: "string" }, "api-key": { type: "string" }, password: { type: "string" }, demo: { type: "boolean" },
      generate: { type: "string" }, orders: { type: "string" }, fixture: { type: "string" }, seed: { type: "string" }, "latency-ms": { type: "string" },
      "jitter-ms": { type: "string" }, "fault-rate": { type: "string" }, "fault-kinds": { type: "string" },
      "hang-ms": { type: "string" }, "max-records-per-call": { type: "string" }, verbose: { type: "boolean" }, help: { type: "boolean" },
    },
  });
  const version = values["odoo-version"];
  if (version !== undefined && version !== "17.0" && version !== "19.0") throw new Error("--odoo-version must be 17.0 or 19.0");
  const kinds = values["fault-kinds"]?.split(",").map((k) => k.trim()).filter(Boolean);
  for (const k of kinds ?? []) if (!FAULT_KINDS.includes(k as FaultKind)) throw new Error(`unknown fault kind ${k}`);
  const options: OdooEmulatorOptions = {
    port: num("port", values.port), host: values.host, version, db: values.db, login: values.login,
    apiKey: values["api-key"], password: values.password, fixture: values.fixture,
    generate: values.demo ? DEMO_PARTNERS : num("generate", values.generate), orders: num("orders", values.orders), seed: num("seed", values.seed) ?? (values.demo ? 1 : undefined),
    latencyMs: num("latency-ms", values["latency-ms"]), jitterMs: num("jitter-ms", values["jitter-ms"]),
    faultRate: num("fault-rate", values["fault-rate"]), faultKinds: kinds as FaultKind[] | undefined,
    hangMs: num("hang-ms", values["hang-ms"]), maxRecordsPerCall: num("max-records-per-call", values["max-records-per-call"]),
    verbose: values.verbose,
  };
  for (const k of Object.keys(options) as (keyof OdooEmulatorOptions)[]) if (options[k] === undefined) delete options[k];
  return { help: values.help === true, options };
}
