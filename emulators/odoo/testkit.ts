// Test helpers: raw HTTP calls shaped exactly as a client would send them (no shared
// code with any connector), so tests check the wire format documented in odoo-api.md.
import { startOdooEmulator, type RunningOdooEmulator } from "./server.js";
import type { OdooEmulatorOptions } from "./options.js";

export type Emu = RunningOdooEmulator;

export const start = (o: OdooEmulatorOptions = {}) => startOdooEmulator({ port: 0, ...o });

export async function rpcRaw(emu: Emu, params: unknown, id: unknown = 1): Promise<{ status: number; body: any }> {
  const res = await fetch(`${emu.url}/jsonrpc`, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", method: "call", params, id }) });
  const text = await res.text();
  return { status: res.status, body: text.startsWith("{") ? JSON.parse(text) : text };
}

/** execute_kw with the default credentials; returns the whole JSON-RPC response body. */
export async function kw(emu: Emu, model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<any> {
  const r = await rpcRaw(emu, { service: "object", method: "execute_kw", args: [emu.db, 2, emu.apiKey, model, method, args, kwargs] });
  return r.body;
}

/** execute_kw that must succeed. */
export async function ok(emu: Emu, model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<any> {
  const body = await kw(emu, model, method, args, kwargs);
  if (body.error) throw new Error(`${model}.${method}: ${body.error.data?.name}: ${body.error.data?.message}`);
  return body.result;
}

export async function json2(emu: Emu, model: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${emu.url}/json/2/${model}/${method}`, { method: "POST",
    headers: { "content-type": "application/json", authorization: `bearer ${emu.apiKey}`, ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    void err; // gateway errors are HTML
  }
  return { status: res.status, body: parsed };
}
