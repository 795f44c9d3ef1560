/**
 * Shutdown for launcher scripts: on SIGINT/SIGTERM (or a fatal error) run the registered stops in reverse
 * order, so the web server goes down before the database it uses.
 */
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
