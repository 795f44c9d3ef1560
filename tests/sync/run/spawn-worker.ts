import { spawn, type ChildProcess } from "node:child_process";
import { childEnv } from "./child-env";

export interface WorkerEnv {
  databaseUrl: string;
  mailchimp: { apiKey: string; baseUrl: string };
  /** Unset: batches only, the planner (and so Odoo) is never called. */
  odoo?: { url: string; db: string; login: string; apiKey: string };
}

/** `node --import tsx scripts/worker.ts` as its own process, like production. */
export function spawnWorker(env: WorkerEnv, args: string[] = []): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts", ...args], {
    cwd: process.cwd(),
    env: childEnv({ ...env, odoo: env.odoo ?? { url: "http://127.0.0.1:9", db: "none", login: "none", apiKey: "none" } }),
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

/** A silent worker is dead after 3 s (beats every second): recovery tests see hand-offs in seconds, not the default ~18. */
export const FAST_LIVENESS_ARGS = ["--heartbeat-seconds", "1", "--dead-after-seconds", "3"];
