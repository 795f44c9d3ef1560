import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

/**
 * Starts the two emulators as the programs they are (emulators/odoo/main.ts, emulators/mailchimp/main.ts),
 * each in its own process, and reads the JSON line each prints once listening.
 */
export interface RunningEmulators {
  odoo: { url: string; db: string; login: string; apiKey: string };
  mailchimp: { url: string; apiKey: string };
  /** The variables that point Bridgeline at these emulators. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startEmulators(options: {
  odooArgs?: string[];
  mailchimpArgs?: string[];
  /** Node flags for the Odoo emulator (a generated million partners needs a larger heap than Node's default). */
  odooNodeArgs?: string[];
  onLog?: (line: string) => void;
}): Promise<RunningEmulators> {
  const odoo = await startProgram("emulators/odoo/main.ts", options.odooArgs ?? ["--port", "0", "--demo"], options.onLog, options.odooNodeArgs);
  const mailchimp = await startProgram("emulators/mailchimp/main.ts", options.mailchimpArgs ?? ["--port", "0"], options.onLog).catch(
    async (error: unknown) => {
      await odoo.stop();
      throw error;
    },
  );
  const o = odoo.info as { url: string; db: string; login: string; api_key: string };
  const m = mailchimp.info as { url: string; api_key: string };
  return {
    odoo: { url: o.url, db: o.db, login: o.login, apiKey: o.api_key },
    mailchimp: { url: m.url, apiKey: m.api_key },
    env: {
      ODOO_URL: o.url,
      ODOO_DB: o.db,
      ODOO_USERNAME: o.login,
      ODOO_API_KEY: o.api_key,
      MAILCHIMP_API_KEY: m.api_key,
      MAILCHIMP_BASE_URL: m.url,
    },
    stop: async () => {
      await Promise.all([odoo.stop(), mailchimp.stop()]);
    },
  };
}

async function startProgram(
  program: string,
  args: string[],
  onLog: ((line: string) => void) | undefined,
  nodeArgs: string[] = [],
): Promise<{ info: Record<string, unknown>; stop(): Promise<void> }> {
  // stdin is a pipe that closes when this process dies however it dies (SIGKILL too): the emulator then saves its
  // state and stops, saying so on the terminal (its stderr is ours unless the caller collects its log).
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.resolve(program), ...args, "--stop-with-parent"], {
    stdio: ["pipe", "pipe", onLog ? "pipe" : "inherit"],
  });
  child.stderr?.on("data", (b: Buffer) => onLog?.(b.toString().trimEnd()));
  const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    child.once("exit", (code) => reject(new Error(`${program} exited before listening (code ${code})`)));
    lines.once("line", (line) => resolve(JSON.parse(line) as Record<string, unknown>));
  });
  return { info, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export const DEMO_AUDIENCES_FIXTURE = "scripts/demo-data/mailchimp-audiences.json";
