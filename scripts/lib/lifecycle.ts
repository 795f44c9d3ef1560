/**
 * Shutdown for launcher scripts: on SIGINT/SIGTERM (or a fatal error) run the registered stops in reverse
 * order, so the web server goes down before the database it uses.
 */
import type { ChildProcess } from "node:child_process";

const stops: (() => Promise<void>)[] = [];
let stopping = false;

export function onShutdown(stop: () => Promise<void>): void {
  stops.push(stop);
}

export async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => console.error("shutdown step failed:", error));
    }
  }
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void shutdown(0));
}

/**
 * The launcher cannot run without this child (the console server): if it ends on its own (a crash, a SIGKILL),
 * say so on the terminal, then stop the rest cleanly. Stopping Postgres and the emulators without a word left
 * people guessing why everything had gone.
 */
export function shutdownWhenLost(child: ChildProcess, what: string, rest: string): void {
  child.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(
      `\n${what} (pid ${child.pid}) ended unexpectedly (${signal ?? `exit code ${code}`}). ${rest ? `Stopping ${rest} cleanly; s` : "S"}` +
        "tart again to continue where it stopped (runs resume; .data/ keeps the data).",
    );
    void shutdown(code ?? 1);
  });
}
