import type { EmulatorOptions } from "./core/options.js";
import { DEFAULT_API_KEY } from "./core/options.js";

// Command-line flags of main.ts; every flag is listed in HELP.

export const HELP = `Mailchimp Marketing API v3 emulator (Bridgeline)

Usage: npx tsx emulators/mailchimp/main.ts [flags]

  --port N                 listen port (0 = pick a free port; default 8070)
  --host H                 listen address (default 127.0.0.1)
  --api-key KEY            accepted API key "<hex>-<dc>"; repeat or comma-separate (default ${DEFAULT_API_KEY})
  --dc DC                  datacenter of this emulator; keys for another dc get 403 WrongDatacenter (default us21)
  --latency-ms N           added to every request (default 0)
  --per-record-ms N        added per member/operation a request carries (default 0)
  --jitter-ms N            random extra latency in [0, N) (default 0)
  --fault-5xx-rate R       share of requests answered 500 before any write (default 0)
  --fault-429-rate R       share of requests throttled regardless of concurrency (default 0)
  --fault-timeout-rate R   share of requests applied but never answered (default 0)
  --fault-reset-rate R     share of connections reset before any write (default 0)
  --bare-403-rate R        share of throttles answered as a bare 403 with no body (default 0)
  --max-connections N      simultaneous requests per API key (default 10)
  --webhook-retry-ms N     retry unit for webhook deliveries; waits are 1,2,4,8,20,40 units (default 60000 = ~75 min)
  --webhook-timeout-ms N   how long a webhook receiver may take to answer (default 10000)
  --batch-phase-ms N       time spent in the preprocessing and finalizing phases of /batches (default 20)
  --seed N                 seed for ids, jitter and fault draws (default 1)
  --lists N|PATH           seed N empty audiences, or load a JSON fixture {"lists":[{id?,name,members?}]}
  --state FILE             restore the account from FILE and save it back there (every 2 s when changed, and on stop)
  --stop-with-parent       stop (saving the state) when stdin closes: the launching program is gone
  --help                   print this help
`;

const NUMERIC: Record<string, keyof EmulatorOptions> = {
  "--port": "port", "--latency-ms": "latencyMs", "--per-record-ms": "perRecordMs", "--jitter-ms": "jitterMs",
  "--fault-5xx-rate": "fault5xxRate", "--fault-429-rate": "fault429Rate", "--fault-timeout-rate": "faultTimeoutRate",
  "--fault-reset-rate": "faultResetRate", "--bare-403-rate": "bare403Rate", "--max-connections": "maxConnections",
  "--webhook-retry-ms": "webhookRetryMs", "--webhook-timeout-ms": "webhookTimeoutMs", "--batch-phase-ms": "batchPhaseMs", "--seed": "seed",
};

export function parseFlags(argv: string[]): EmulatorOptions | "help" {
  const options: EmulatorOptions = { port: 8070 };
  const keys: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag = "", inline] = (argv[i] as string).split(/=(.*)/s, 2);
    if (flag === "--help" || flag === "-h") return "help";
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    const numericKey = NUMERIC[flag];
    if (numericKey) {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`${flag} expects a number, got "${value}"`);
      Object.assign(options, { [numericKey]: n });
    } else if (flag === "--api-key") keys.push(...value.split(",").map((k) => k.trim()).filter(Boolean));
    else if (flag === "--dc") options.dc = value;
    else if (flag === "--host") options.host = value;
    else if (flag === "--lists") options.lists = /^\d+$/.test(value) ? Number(value) : value;
    else throw new Error(`unknown flag ${flag} (see --help)`);
  }
  if (keys.length > 0) options.apiKeys = keys;
  return options;
}
