// The CLI contract parent processes rely on: --help lists every flag, startup prints one JSON line.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { HELP, parseCli } from "./cli.js";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

it("--help documents every flag parseCli accepts", () => {
  for (const flag of ["--port", "--host", "--odoo-version", "--db", "--login", "--api-key", "--password", "--demo", "--generate", "--orders", "--fixture",
    "--seed", "--latency-ms", "--jitter-ms", "--fault-rate", "--fault-kinds", "--hang-ms", "--max-records-per-call", "--verbose", "--help"])
    expect(HELP).toContain(flag);
  expect(parseCli(["--demo", "--fault-kinds", "502,session-expired"]).options).toMatchObject({ generate: 300, seed: 1, faultKinds: ["502", "session-expired"] });
  expect(parseCli(["--generate", "1000", "--orders", "200"]).options).toMatchObject({ generate: 1000, orders: 200 });
  expect(() => parseCli(["--fault-kinds", "explode"])).toThrow(/unknown fault kind/);
  expect(() => parseCli(["--bogus"])).toThrow();
});

it("prints a parseable listening line and serves /jsonrpc", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", main, "--port", "0", "--generate", "50"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let buf = "";
      child.stdout.on("data", (c: Buffer) => {
        buf += c.toString();
        if (buf.includes("\n")) resolve(buf.split("\n")[0]!);
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    const info = JSON.parse(line) as { odoo_emulator: string; url: string; db: string; login: string; api_key: string };
    expect(info).toMatchObject({ odoo_emulator: "listening", db: "bridgeline", login: "admin", api_key: "odoo-demo-key" });
    const res = await fetch(`${info.url}/jsonrpc`, { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", method: "call", id: 1, params: { service: "common", method: "authenticate", args: [info.db, info.login, info.api_key, {}] } }) });
    expect(((await res.json()) as { result: number }).result).toBe(2);
  } finally {
    child.kill("SIGTERM");
  }
});
