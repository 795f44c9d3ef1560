import { spawn, type ChildProcess } from "node:child_process";

export interface WorkerEnv {
  databaseUrl: string;
  mailchimp: { apiKey: string; baseUrl: string };
}

/** `node --import tsx scripts/worker.ts` as its own process, like production. */
export function spawnWorker(env: WorkerEnv, args: string[] = []): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts", ...args], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      DATABASE_URL: env.databaseUrl,
      MAILCHIMP_API_KEY: env.mailchimp.apiKey,
      MAILCHIMP_BASE_URL: env.mailchimp.baseUrl,
      // Batches only in these tests: the planner (and so Odoo) is never called.
      ODOO_URL: "http://127.0.0.1:9",
      ODOO_DB: "none",
      ODOO_USERNAME: "none",
      ODOO_API_KEY: "none",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export const FAST_WORKER_ARGS = ["--expire-seconds", "3", "--maintenance-seconds", "1", "--retry-delay-seconds", "1", "--mailchimp-timeout-ms", "10000"];

/** The same settings for the test's own sender: a job's expiry is fixed by its queue when it is sent. */
export const FAST_QUEUE = { batchExpireSeconds: 3, maintenanceIntervalSeconds: 1, retryDelaySeconds: 1 };
