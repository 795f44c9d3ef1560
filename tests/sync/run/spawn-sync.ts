import { spawn } from "node:child_process";
import { childEnv } from "./child-env";

export interface SyncCliEnv {
  databaseUrl: string;
  mailchimp: { apiKey: string; baseUrl: string };
  odoo: { url: string; db: string; login: string; apiKey: string };
}

export interface SyncCliResult {
  code: number | null;
  summary: Record<string, unknown> | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx scripts/sync.ts ...args` to the end: exit code and the one-line summary. */
export function runSyncCli(env: SyncCliEnv, args: string[]): Promise<SyncCliResult> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/sync.ts", ...args], {
    cwd: process.cwd(),
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      const lines = stdout.trim().split("\n").filter(Boolean);
      const last = lines.length === 1 ? lines[0] : undefined;
      resolve({ code, summary: last ? (JSON.parse(last) as Record<string, unknown>) : null, stdout, stderr });
    }),
  );
}
