import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { createPrisma } from "@/lib/db/client";
import { ensureDemoPolicy } from "@/scripts/lib/demo-sync";
import { DEMO_AUDIENCES_FIXTURE, startEmulators, type RunningEmulators } from "@/scripts/lib/emulators";

/**
 * The end-to-end suite looks at pages with data: the demo's business (the Odoo emulator's generated companies,
 * customers, suppliers, staff, junk and shared emails, orders and credit notes; the demo's four audiences),
 * the demo policy, a worker attached like production, and a first full sync through `npm run sync`.
 */
export interface DemoBusiness {
  emulators: RunningEmulators;
  /** The variables that point a Bridgeline process at the emulators and the suite's database. */
  env: Record<string, string>;
  startWorker(): Promise<void>;
  runFullSync(): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

export async function startDemoBusiness(databaseUrl: string, log: (line: string) => void): Promise<DemoBusiness> {
  const emulators = await startEmulators({
    odooArgs: ["--port", "0", "--demo"],
    mailchimpArgs: ["--port", "0", "--lists", DEMO_AUDIENCES_FIXTURE],
    onLog: log,
  });
  const prisma = createPrisma(databaseUrl);
  try {
    await ensureDemoPolicy(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const env = { ...emulators.env, DATABASE_URL: databaseUrl };
  const children: ChildProcess[] = [];
  const spawnScript = (script: string, args: string[], logLevel = "warn") => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env: { ...process.env, ...env, BRIDGELINE_MODE: "test", LOG_LEVEL: logLevel },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    child.stderr?.on("data", (b: Buffer) => b.toString().trimEnd().split("\n").forEach(log));
    return child;
  };
  return {
    emulators,
    env,
    async startWorker() {
      const worker = spawnScript("scripts/worker.ts", ["--consent-poll-seconds", "30"], "info");
      // The worker announces itself in Postgres before it logs this line (lib/sync/run/worker.ts), so the sync
      // CLI started next leaves the run to it.
      await waitForLine(worker, /"msg":"sync worker started"/, 60_000);
    },
    async runFullSync() {
      const sync = spawnScript("scripts/sync.ts", ["--mode", "full"]);
      const line = await waitForLine(sync, /^\{/, 5 * 60_000, "stdout");
      const summary = JSON.parse(line) as Record<string, unknown>;
      if (summary.status !== "succeeded") throw new Error(`The demo business's first sync did not succeed: ${line}`);
      return summary;
    },
    async stop() {
      await Promise.all(children.map(stopChild));
      await emulators.stop();
    },
  };
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number, stream: "stdout" | "both" = "both"): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs / 1000} s`)), timeoutMs);
    const sources = stream === "stdout" ? [child.stdout] : [child.stdout, child.stderr];
    for (const source of sources) {
      if (!source) continue;
      createInterface({ input: source }).on("line", (line) => {
        if (!pattern.test(line)) return;
        clearTimeout(timer);
        resolve(line);
      });
    }
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${String(child.spawnargs.at(2))} exited (code ${code}) before printing a line matching ${pattern}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
