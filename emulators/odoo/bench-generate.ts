// Manual benchmark: `npx tsx emulators/odoo/bench-generate.ts 100000` prints generation
// time, RSS and a full keyset scan of res.partner over HTTP (pages of 2000).
import { startOdooEmulator } from "./server.js";

const size = Number(process.argv[2] ?? 100_000);
const t0 = Date.now();
const emu = await startOdooEmulator({ port: 0, generate: size, seed: 7 });
const rows = Object.fromEntries([...emu.store.tables].map(([k, t]) => [k, t.rows.length]));
console.log(JSON.stringify({ generateMs: Date.now() - t0, rssMB: Math.round(process.memoryUsage().rss / 1e6), rows }));
const t1 = Date.now();
let last = 0;
let seen = 0;
let calls = 0;
for (;;) {
  const body = { jsonrpc: "2.0", method: "call", id: calls, params: { service: "object", method: "execute_kw", args: [emu.db, 2, emu.apiKey,
    "res.partner", "search_read", [[["id", ">", last]]], { fields: ["name", "email", "write_date", "commercial_partner_id"], order: "id asc", limit: 2000, context: { active_test: false } }] } };
  const res = await fetch(`${emu.url}/jsonrpc`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const page = ((await res.json()) as { result: { id: number }[] }).result;
  calls++;
  if (page.length === 0) break;
  seen += page.length;
  last = page[page.length - 1]!.id;
}
console.log(JSON.stringify({ scanMs: Date.now() - t1, partners: seen, calls, rssMB: Math.round(process.memoryUsage().rss / 1e6) }));
await emu.close();
