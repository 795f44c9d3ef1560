import { HELP, parseFlags } from "./cli-flags.js";
import { startMailchimpEmulator } from "./server.js";
import { accountVersion, restoreMailchimpState, saveMailchimpState } from "./state-file.js";

// CLI entry point: start the emulator, print one JSON line with where it listens, stop on SIGINT/SIGTERM.

// --state FILE: the account is restored from FILE and saved back to it (the demo's .data/, scripts/demo.ts).
const argv = process.argv.slice(2);
const at = argv.indexOf("--state");
const stateFile = at >= 0 ? argv[at + 1] : undefined;
if (at >= 0) argv.splice(at, 2);
// --stop-with-parent: stdin is a pipe from the program that launched this one (the demo); its end means that
// program is gone (killed), and an emulator nobody can reach any more should not linger.
const withParent = argv.indexOf("--stop-with-parent");
if (withParent >= 0) argv.splice(withParent, 1);
const parsed = parseFlags(argv);
if (parsed === "help") {
  process.stdout.write(HELP);
} else {
  const running = await startMailchimpEmulator(parsed);
  const restored = stateFile ? restoreMailchimpState(running.state, stateFile) : false;
  let saved = "";
  const save = (): void => {
    if (!stateFile || accountVersion(running.state) === saved) return;
    saveMailchimpState(running.state, stateFile);
    saved = accountVersion(running.state);
  };
  save();
  const timer = setInterval(save, 2_000);
  process.stdout.write(`${JSON.stringify({ mailchimp_emulator: "listening", url: running.url, api_key: running.apiKey, dc: running.state.options.dc, restored })}\n`);
  const stop = (): void => {
    clearInterval(timer);
    saved = "";
    save();
    void running.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  if (withParent >= 0) {
    process.stdin.on("end", () => {
      process.stderr.write(`Mailchimp emulator (pid ${process.pid}): the program that started it ended without stopping it; ${stateFile ? `saving its state to ${stateFile} and ` : ""}stopping.\n`);
      stop();
    });
    process.stdin.resume();
  }
}
