/**
 * Everything the bench starts, stopped in reverse order on every exit path (normal end, failure, SIGINT,
 * SIGTERM), so no emulator, worker or Postgres outlives the bench.
 */
const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
let stopping: Promise<void> | undefined;

export function own(name: string, stop: () => Promise<void>): void {
  stops.push({ name, stop });
}

export function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const { name, stop } of stops.reverse()) {
      await stop().catch((err: unknown) => process.stderr.write(`bench: stopping ${name} failed: ${String(err)}\n`));
    }
  })();
  return stopping;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    process.stderr.write(`bench: ${signal}, stopping the process tree\n`);
    void stopAll().then(() => process.exit(130));
  });
}
