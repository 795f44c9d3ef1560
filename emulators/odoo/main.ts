// CLI entry point: `npx tsx emulators/odoo/main.ts --port 8069 [--demo|--generate N|--fixture F]`.
// Prints one JSON line once listening so a parent process can parse url and credentials.
import { HELP, parseCli } from "./cli.js";
import { startOdooEmulator } from "./server.js";

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseCli(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    return;
  }
  const started = Date.now();
  const emu = await startOdooEmulator(parsed.options);
  const rows = Object.fromEntries([...emu.store.tables].map(([k, t]) => [k, t.rows.length]));
  process.stdout.write(`${JSON.stringify({ odoo_emulator: "listening", url: emu.url, db: emu.db, login: emu.login, api_key: emu.apiKey,
    version: emu.store.version, startup_ms: Date.now() - started, records: rows })}\n`);
  const stop = () => void emu.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
