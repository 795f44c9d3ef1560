import { HELP, parseFlags } from "./cli-flags.js";
import { startMailchimpEmulator } from "./server.js";

// CLI entry point: start the emulator, print one JSON line with where it listens, stop on SIGINT/SIGTERM.

const parsed = parseFlags(process.argv.slice(2));
if (parsed === "help") {
  process.stdout.write(HELP);
} else {
  const running = await startMailchimpEmulator(parsed);
  process.stdout.write(`${JSON.stringify({ mailchimp_emulator: "listening", url: running.url, api_key: running.apiKey, dc: running.state.options.dc })}\n`);
  const stop = (): void => void running.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
