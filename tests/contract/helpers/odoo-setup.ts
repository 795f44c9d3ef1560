import { startOdooEmulator, type OdooEmulatorOptions } from "@/emulators/odoo/server";
import { OdooClient, type OdooClientOptions, type OdooProtocol } from "@/lib/odoo";

export type OdooEmulator = Awaited<ReturnType<typeof startOdooEmulator>>;

export async function startOdoo(options: OdooEmulatorOptions = {}): Promise<OdooEmulator> {
  return startOdooEmulator({ port: 0, generate: 120, ...options });
}

export function odooClient(emu: OdooEmulator, protocol: OdooProtocol, options: OdooClientOptions = {}, apiKey = emu.apiKey) {
  return new OdooClient({ url: emu.url, db: emu.db, username: emu.login, apiKey, protocol }, options);
}

/** Steers the emulator through its /_emulator control endpoints (faults, touch). */
export async function emulatorAdmin(emu: OdooEmulator, action: "faults" | "touch" | "reset", body: object = {}): Promise<unknown> {
  const res = await fetch(`${emu.url}/_emulator/${action}`, { method: "POST", body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`emulator ${action} answered ${res.status}`);
  return res.json() as Promise<unknown>;
}
