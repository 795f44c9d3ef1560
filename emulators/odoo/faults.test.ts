// Fault injection: gateway errors, session expiry, dropped connections, latency.
import { afterEach, expect, it } from "vitest";
import { type Emu, rpcRaw, start } from "./testkit.js";

let emu: Emu | undefined;
afterEach(async () => { await emu?.close(); emu = undefined; });

const version = { service: "common", method: "version", args: [] };

it("--fault-rate 1 with 502/504 answers gateway errors, not JSON", async () => {
  emu = await start({ generate: 20, faultRate: 1, faultKinds: ["502", "504"], seed: 9 });
  const statuses = new Set<number>();
  for (let i = 0; i < 12; i++) statuses.add((await rpcRaw(emu, version)).status);
  expect([...statuses].sort()).toEqual([502, 504]);
  const stats = (await (await fetch(`${emu.url}/_emulator/stats`)).json()) as { faults: Record<string, number> };
  expect((stats.faults["502"] ?? 0) + (stats.faults["504"] ?? 0)).toBe(12);
});

it("session-expired is the code 100 envelope over HTTP 200", async () => {
  emu = await start({ generate: 20, faultRate: 1, faultKinds: ["session-expired"] });
  const r = await rpcRaw(emu, version, 7);
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ jsonrpc: "2.0", id: 7, error: { code: 100, message: "Odoo Session Expired", data: { name: "odoo.http.SessionExpiredException" } } });
});

it("timeout drops the connection without an answer", async () => {
  emu = await start({ generate: 20, faultRate: 1, faultKinds: ["timeout"], hangMs: 100 });
  await expect(rpcRaw(emu, version)).rejects.toThrow();
});

it("a fault rate draws roughly that share, deterministically per seed", async () => {
  const run = async () => {
    const e = await start({ generate: 20, faultRate: 0.3, faultKinds: ["503"], seed: 4 });
    const out: number[] = [];
    for (let i = 0; i < 40; i++) out.push((await rpcRaw(e, version)).status);
    await e.close();
    return out;
  };
  const a = await run();
  expect(a).toEqual(await run());
  const failed = a.filter((s) => s === 503).length;
  expect(failed).toBeGreaterThan(4);
  expect(failed).toBeLessThan(24);
});

it("latency delays every answer; faults can be changed at runtime", async () => {
  emu = await start({ generate: 20, latencyMs: 120 });
  const t = Date.now();
  await rpcRaw(emu, version);
  expect(Date.now() - t).toBeGreaterThanOrEqual(110);
  await fetch(`${emu.url}/_emulator/faults`, { method: "POST", body: JSON.stringify({ latency_ms: 0, fault_rate: 1, fault_kinds: ["429"] }) });
  expect((await rpcRaw(emu, version)).status).toBe(429);
});
