// CLI entry point: `npx tsx emulators/odoo/main.ts --port 8069 [--demo|--generate N|--fixture F]`.
// Prints one JSON line once listening so a parent process can parse url and credentials.
import { HELP, parseCli } from "./cli.js";
import { startOdooEmulator } from "./server.js";
import { restoreOdooState, saveOdooState, storeVersion } from "./state-file.js";
import { takeStateFlag } from "./state-flag.js";

async function main(): Promise<void> {
  // --state FILE: the database is restored from FILE and saved back to it (the demo's .data/, scripts/demo.ts).
  const { stateFile, args: rest } = takeStateFlag(process.argv.slice(2));
  // --stop-with-parent: stdin is a pipe from the program that launched this one (the demo); its end means that
  // program is gone (killed), and an emulator nobody can reach any more should not linger.
  const stopWithParent = rest.includes("--stop-with-parent");
  const args = rest.filter((a) => a !== "--stop-with-parent");
  let parsed;
  try {
    parsed = parseCli(args);
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
  const restored = stateFile ? restoreOdooState(emu.store, stateFile) : false;
  let saved = storeVersion(emu.store);
  const save = () => {
    if (!stateFile || storeVersion(emu.store) === saved) return;
    saveOdooState(emu.store, stateFile);
    saved = storeVersion(emu.store);
  };
  if (stateFile && !restored) saveOdooState(emu.store, stateFile);
  const timer = setInterval(save, 2_000);
  const rows = Object.fromEntries([...emu.store.tables].map(([k, t]) => [k, t.rows.length]));
  process.stdout.write(`${JSON.stringify({ odoo_emulator: "listening", url: emu.url, db: emu.db, login: emu.login, api_key: emu.apiKey,
    version: emu.store.version, startup_ms: Date.now() - started, records: rows, restored })}\n`);
  const stop = () => {
    clearInterval(timer);
    void emu.close().then(() => {
      save();
      process.exit(0);
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  if (stopWithParent) {
    process.stdin.on("end", () => {
      process.stderr.write(`Odoo emulator (pid ${process.pid}): the program that started it ended without stopping it; ${stateFile ? `saving its state to ${stateFile} and ` : ""}stopping.\n`);
      stop();
    });
    process.stdin.resume();
  }
}

void main();
