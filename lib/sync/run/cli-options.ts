import { parseArgs, type ParseArgsConfig } from "node:util";
import { webhookPublicUrl } from "@/lib/consent/webhook-url";
import { getEnv } from "@/lib/env";
import { mailchimpConfigFromEnv } from "@/lib/mailchimp";
import { odooConfigFromEnv } from "@/lib/odoo";
import { defaultPlanner } from "./default-planner";
import type { QueueSettings } from "./jobs";
import type { WorkerOptions } from "./worker";

/** Flags shared by `npm run worker` and `npm run sync`; the connections themselves come from the environment. */
export const WORKER_FLAGS_HELP = `  --concurrency N          batch jobs this process runs at once (default 12)
  --max-connections N      Mailchimp connections per API key across all workers (default 10)
  --expire-seconds N       a batch job active this long is presumed dead and retried (default 600)
  --maintenance-seconds N  how often expired jobs are looked for (default 30)
  --retry-delay-seconds N  first delay before a failed job is retried (default 5)
  --mailchimp-timeout-ms N per Mailchimp request (default 120000)
  --heartbeat-seconds N    how often this worker beats and looks for dead workers (default 3)
  --dead-after-seconds N   a worker silent this long is dead; its jobs are handed on (default 15)
  --consent-poll-seconds N how often each audience is polled for unsubscribes a lost webhook would hide (default 600)
  --no-consent             do not run consent flow-back (webhook events -> Odoo blacklist) in this process
  --no-alerts              no diagnosis before runs, no alert checks or deliveries in this process (the bench)`;

export type Flags = Map<string, string | true>;
export type FlagSpec = NonNullable<ParseArgsConfig["options"]>;

/** The flags above, for parseFlags. */
export const WORKER_FLAGS: FlagSpec = {
  concurrency: { type: "string" },
  "max-connections": { type: "string" },
  "expire-seconds": { type: "string" },
  "maintenance-seconds": { type: "string" },
  "retry-delay-seconds": { type: "string" },
  "mailchimp-timeout-ms": { type: "string" },
  "heartbeat-seconds": { type: "string" },
  "dead-after-seconds": { type: "string" },
  "consent-poll-seconds": { type: "string" },
  "no-consent": { type: "boolean" },
  "no-alerts": { type: "boolean" },
  help: { type: "boolean" },
};

/** A command line the command cannot take: its caller prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * The flags of a command (node's own parser, strict): an unknown flag, a flag without its value or a stray
 * argument is a UsageError rather than something quietly ignored.
 */
export function parseFlags(argv: string[], spec: FlagSpec = WORKER_FLAGS): Flags {
  try {
    const { values } = parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false });
    const flags: Flags = new Map();
    for (const [name, value] of Object.entries(values)) {
      if (value === true || typeof value === "string") flags.set(name, value);
    }
    return flags;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "";
    if (code.startsWith("ERR_PARSE_ARGS_")) throw new UsageError((err as Error).message.split("\n")[0] ?? code);
    throw err;
  }
}

export function intFlag(flags: Flags, name: string): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} needs a positive integer, got ${String(v)}`);
  return n;
}

/**
 * Worker settings from the environment (MAILCHIMP_*, ODOO_*) and the flags above, on the application database
 * (the CLIs pass the one lib/db/provision opened: DATABASE_URL or the embedded one; the console has DATABASE_URL).
 */
export function workerOptionsFromEnv(flags: Flags, databaseUrl = getEnv().DATABASE_URL): WorkerOptions {
  const env = getEnv();
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: the worker needs the application database (its queue lives there)");
  const expire = intFlag(flags, "expire-seconds");
  const queue: Partial<QueueSettings> = {
    ...(expire ? { batchExpireSeconds: expire } : {}),
    ...(intFlag(flags, "maintenance-seconds") ? { maintenanceIntervalSeconds: intFlag(flags, "maintenance-seconds") as number } : {}),
    ...(intFlag(flags, "retry-delay-seconds") ? { retryDelaySeconds: intFlag(flags, "retry-delay-seconds") as number } : {}),
  };
  return {
    databaseUrl,
    mailchimp: mailchimpConfigFromEnv(),
    odoo: odooConfigFromEnv(),
    planner: defaultPlanner,
    queue,
    ...(webhookPublicUrl(env) ? { webhookUrl: webhookPublicUrl(env) } : {}),
    ...(flags.has("no-alerts") ? {} : { alerts: { ...(env.ALERT_WEBHOOK_URL ? { webhookUrl: env.ALERT_WEBHOOK_URL } : {}), ...(env.NEXTAUTH_URL ? { consoleUrl: env.NEXTAUTH_URL } : {}) } }),
    ...(flags.has("no-consent") ? {} : { consent: { pollEveryMs: (intFlag(flags, "consent-poll-seconds") ?? 600) * 1000 } }),
    ...(intFlag(flags, "concurrency") ? { concurrency: intFlag(flags, "concurrency") as number } : {}),
    ...(intFlag(flags, "max-connections") ? { maxConnections: intFlag(flags, "max-connections") as number } : {}),
    ...livenessFlags(flags),
    ...(intFlag(flags, "mailchimp-timeout-ms") ? { mailchimpTimeoutMs: intFlag(flags, "mailchimp-timeout-ms") as number } : {}),
  };
}


function livenessFlags(flags: Flags): Pick<WorkerOptions, "liveness"> {
  const beat = intFlag(flags, "heartbeat-seconds");
  const dead = intFlag(flags, "dead-after-seconds");
  if (beat && dead && dead <= beat) throw new UsageError("--dead-after-seconds must be longer than --heartbeat-seconds");
  if (!beat && !dead) return {};
  return { liveness: { ...(beat ? { beatMs: beat * 1000 } : {}), ...(dead ? { deadAfterMs: dead * 1000 } : {}) } };
}
