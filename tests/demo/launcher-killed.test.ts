import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openEmbeddedPostgres } from "@/lib/db/open-embedded";
import { until } from "@/tests/helpers/until";

/**
 * The demo (or `npm start`) killed with SIGKILL, which no handler of its own sees (issue 15): the embedded
 * Postgres and the emulators it started must not vanish without a word, nor linger unreachable. Each notices its
 * launcher is gone (its stdin closes), says so on the terminal, and stops cleanly: Postgres with a checkpoint, the
 * emulators after saving their state. The next start finds the same data.
 */
const base = path.resolve(".data", `launcher-killed-${process.pid}`);
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function reachable(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(2_000) }).then(() => true, () => false);
}

describe("the console killed under its launcher", () => {
  it("is reported on the terminal before the launcher stops the rest", async () => {
    const launcher = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/lost-child.fixture.ts"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    launcher.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
    launcher.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => launcher.once("exit", (code) => resolve(code)));
    await until("the child", () => stdout.includes("child"));
    const { child } = JSON.parse(stdout.split("\n")[0]!) as { child: number };
    process.kill(child, "SIGKILL");
    expect(await exited).toBe(1);
    expect(stderr).toContain(`The console (pid ${child}) ended unexpectedly (SIGKILL). Stopping the emulators and the embedded Postgres cleanly; start again`);
    expect(stdout).toContain("rest stopped");
  }, 60_000);
});

describe("a launcher killed with SIGKILL", () => {
  it("leaves Postgres and the emulators to stop cleanly, saying so, and the next start finds the data", async () => {
    const { DATABASE_URL: _unset, ...env } = process.env;
    const launcher = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/launcher.fixture.ts", base], { env: { ...env, LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    launcher.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    const ready = await new Promise<{ databaseUrl: string; odoo: string; mailchimp: string }>((resolve, reject) => {
      createInterface({ input: launcher.stdout }).once("line", (line) => resolve(JSON.parse(line) as { databaseUrl: string; odoo: string; mailchimp: string }));
      launcher.once("exit", (code) => reject(new Error(`launcher exited (${code}): ${stderr}`)));
    });
    const client = new pg.Client({ connectionString: ready.databaseUrl });
    await client.connect();
    await client.query("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
    await client.end();

    launcher.kill("SIGKILL");
    // The children write to the terminal the launcher shared with them: here, the pipe this test reads.
    await until("the messages", () => /stopped cleanly/.test(stderr) && /Odoo emulator.*ended without stopping it/.test(stderr) && /Mailchimp emulator.*ended without stopping it/.test(stderr));
    expect(stderr).toMatch(/the program that started the embedded Postgres on port \d+ ended without stopping it \(killed\?\); stopping Postgres cleanly/);
    expect(stderr).toContain(`saving its state to ${path.join(base, "odoo.json")}`);
    await until("the emulators to stop", async () => !(await reachable(ready.odoo)) && !(await reachable(`${ready.mailchimp}/ping`)));

    // The next start: the same cluster, no recovery needed, the data there.
    const again = await openEmbeddedPostgres({ dataDir: path.join(base, "postgres") });
    try {
      expect(again.attachedTo).toBeUndefined();
      const next = new pg.Client({ connectionString: again.url });
      await next.connect();
      expect((await next.query<{ n: number }>("SELECT n FROM kept")).rows).toEqual([{ n: 42 }]);
      await next.end();
    } finally {
      await again.stop();
    }
  }, 150_000);
});
