/**
 * `npm run emulators`: the Odoo and Mailchimp emulators with the demo data, on fixed ports, and the
 * environment that points Bridgeline at them. Flags starting with --odoo- or --mailchimp- are passed to
 * that emulator with the prefix removed (e.g. --mailchimp-latency-ms 50 -> --latency-ms 50).
 */
import { spawnSync } from "node:child_process";
import { DEMO_AUDIENCES_FIXTURE, startEmulators } from "./lib/emulators";

const USAGE = `Usage: npm run emulators -- [flags]

  --odoo-port N         Odoo emulator port (default 8069)
  --mailchimp-port N    Mailchimp emulator port (default 8070)
  --odoo-<flag> V       any Odoo emulator flag, e.g. --odoo-generate 10000 --odoo-seed 7 --odoo-latency-ms 20
  --mailchimp-<flag> V  any Mailchimp emulator flag, e.g. --mailchimp-latency-ms 50 --mailchimp-bare-403-rate 0.2
  --help                this text, followed by both emulators' own flags

Without data flags the Odoo emulator serves the demo business (--demo) and the Mailchimp emulator the demo
audiences (${DEMO_AUDIENCES_FIXTURE}).
`;

function split(argv: string[]) {
  const odoo: string[] = [];
  const mailchimp: string[] = [];
  let odooPort = "8069";
  let mailchimpPort = "8070";
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1]?.startsWith("--") === false ? argv[++i]! : undefined;
    const withValue = (name: string) => (value === undefined ? [name] : [name, value]);
    if (flag === "--odoo-port") odooPort = value ?? odooPort;
    else if (flag === "--mailchimp-port") mailchimpPort = value ?? mailchimpPort;
    else if (flag.startsWith("--odoo-")) odoo.push(...withValue(`--${flag.slice("--odoo-".length)}`));
    else if (flag.startsWith("--mailchimp-")) mailchimp.push(...withValue(`--${flag.slice("--mailchimp-".length)}`));
    else throw new Error(`Unknown flag ${flag}\n\n${USAGE}`);
  }
  if (!odoo.some((f) => ["--generate", "--fixture", "--demo"].includes(f))) odoo.push("--demo");
  if (!mailchimp.includes("--lists")) mailchimp.push("--lists", DEMO_AUDIENCES_FIXTURE);
  return { odoo: ["--port", odooPort, ...odoo], mailchimp: ["--port", mailchimpPort, ...mailchimp] };
}

if (process.argv.includes("--help")) {
  process.stdout.write(USAGE);
  for (const program of ["emulators/odoo/main.ts", "emulators/mailchimp/main.ts"]) {
    process.stdout.write(`\n${"-".repeat(100)}\n`);
    process.stdout.write(spawnSync(process.execPath, ["--import", "tsx", program, "--help"], { encoding: "utf8" }).stdout);
  }
} else {
  const args = split(process.argv.slice(2));
  const running = await startEmulators({ odooArgs: args.odoo, mailchimpArgs: args.mailchimp, onLog: (l) => console.error(l) });
  console.log(`Odoo emulator:      ${running.odoo.url}`);
  console.log(`Mailchimp emulator: ${running.mailchimp.url}\n`);
  console.log("Point Bridgeline at them with:");
  for (const [k, v] of Object.entries(running.env)) console.log(`  export ${k}=${v}`);
  console.log("\nPress Ctrl+C to stop.");
  const stop = () => void running.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
