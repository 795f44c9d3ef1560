import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { processAlive } from "./process-alive";

/**
 * Where `npm run demo` leaves the addresses of the emulators it started (their ports are random), so that
 * `npm run sync` and `npm run worker` run beside it reach the same Odoo and Mailchimp. lib/env.ts reads it when
 * the ODOO_* or MAILCHIMP_* variables are unset outside production; it names the demo's pid and is ignored once
 * that process is gone (a demo killed with SIGKILL cannot remove it).
 */
export const ODOO_VARS = ["ODOO_URL", "ODOO_DB", "ODOO_USERNAME", "ODOO_API_KEY"] as const;
export const MAILCHIMP_VARS = ["MAILCHIMP_API_KEY", "MAILCHIMP_BASE_URL"] as const;
type ConnectionVar = (typeof ODOO_VARS)[number] | (typeof MAILCHIMP_VARS)[number];

interface DemoConnections {
  pid: number;
  env: Partial<Record<ConnectionVar, string>>;
}

export const demoConnectionsFile = (dataDir: string) => path.join(dataDir, "demo-connections.json");

/** Written by the demo once its emulators listen; returns the function that removes it again. */
export function writeDemoConnections(dataDir: string, env: Record<string, string>): () => void {
  const file = demoConnectionsFile(dataDir);
  const picked = Object.fromEntries([...ODOO_VARS, ...MAILCHIMP_VARS].filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
  writeFileSync(file, `${JSON.stringify({ pid: process.pid, env: picked } satisfies DemoConnections, null, 2)}\n`, { mode: 0o600 });
  return () => rmSync(file, { force: true });
}

/**
 * The running demo's emulator variables for each group (Odoo, Mailchimp) left entirely unset in `source`;
 * nothing when no demo runs on this data directory.
 */
export function demoConnectionsFor(source: Record<string, string | undefined>, dataDir: string): Partial<Record<ConnectionVar, string>> {
  const unset = [ODOO_VARS, MAILCHIMP_VARS].filter((group) => group.every((k) => !source[k]?.trim()));
  if (unset.length === 0) return {};
  const file = demoConnectionsFile(dataDir);
  if (!existsSync(file)) return {};
  const saved = JSON.parse(readFileSync(file, "utf8")) as DemoConnections;
  if (!processAlive(saved.pid)) return {};
  return Object.fromEntries(unset.flat().flatMap((k) => (saved.env[k] ? [[k, saved.env[k]]] : [])));
}
