import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Starts the built console (scripts/serve-next.ts: Next's handler behind our own HTTP server, which records each
 * request's TCP peer) as a child process with the given environment and waits until /api/health is 200.
 */
export async function startNextServer(options: {
  port: number;
  env: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  timeoutMs?: number;
}): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts", "serve-next.ts"), String(options.port), "127.0.0.1", "--stop-with-parent"], {
    env: { ...options.env, PORT: String(options.port) },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  child.stdout?.on("data", (b: Buffer) => b.toString().trimEnd().split("\n").forEach(log));
  child.stderr?.on("data", (b: Buffer) => b.toString().trimEnd().split("\n").forEach(log));
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHealth(url, child, options.timeoutMs ?? 60_000);
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the console server exited with code ${child.exitCode}`);
    const status = await fetch(`${url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The console did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

/** True when .next holds a production build newer than every source file that goes into it. */
export function buildIsFresh(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "next.config.ts", "package-lock.json", "instrumentation.ts", "proxy.ts"];
  return sources.every((s) => newestMtime(path.join(root, s)) <= builtAt);
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  if (path.basename(p) === "generated") return 0;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

export function runNextBuild(env: NodeJS.ProcessEnv): Promise<void> {
  const nextBin = path.resolve("node_modules", "next", "dist", "bin", "next");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
  });
}
