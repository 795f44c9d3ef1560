/**
 * `npm run config -- export FILE` writes the active sync policy as {version, policy};
 * `npm run config -- import FILE [--comment "..."] [--confirm-drop N]` validates a file and saves it as a new
 * version. A policy that would route more than 5% of today's members nowhere is refused, with the count, unless
 * --confirm-drop names that count (the console's guard, lib/console/policy-drop.ts).
 * Uses DATABASE_URL, or the embedded database under BRIDGELINE_DATA_DIR (attached to when the demo or the
 * console runs it). A wrong command line prints the usage on stderr and exits 2; a bad file exits 1.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrisma } from "@/lib/db/client";
import { appDatabaseOptions, provisionDatabase } from "@/lib/db/provision";
import { countMembersDropped, DROP_CONFIRMATION_SHARE, needsDropConfirmation } from "@/lib/console/policy-drop";
import { getActivePolicy, parsePolicy, PolicyValidationError, savePolicy, type Policy } from "@/lib/sync/policy";
import { exitWithUsage } from "./lib/usage";

const USAGE = 'Usage: npm run config -- export FILE | import FILE [--comment "why"] [--confirm-drop N]';

interface CommandLine {
  command: "export" | "import";
  file: string;
  comment?: string;
  /** The number of today's members the admin accepts the new policy routes nowhere. */
  confirmDrop?: number;
}

function readCommandLine(args: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { comment: { type: "string" }, "confirm-drop": { type: "string" } }, strict: true, allowPositionals: true });
  } catch (err) {
    if (!((err as NodeJS.ErrnoException).code ?? "").startsWith("ERR_PARSE_ARGS_")) throw err;
    exitWithUsage((err as Error).message.split("\n")[0] ?? "", USAGE);
  }
  const [command, file, ...extra] = parsed.positionals;
  if (command !== "export" && command !== "import") exitWithUsage(command ? `Unknown command ${command}` : "No command given", USAGE);
  if (!file) exitWithUsage(`${command} needs a FILE`, USAGE);
  if (extra.length > 0) exitWithUsage(`Unexpected argument ${extra[0]}`, USAGE);
  if (command === "export" && parsed.values.comment !== undefined) exitWithUsage("--comment goes with import", USAGE);
  if (command === "export" && parsed.values["confirm-drop"] !== undefined) exitWithUsage("--confirm-drop goes with import", USAGE);
  const confirm = parsed.values["confirm-drop"];
  if (confirm !== undefined && !/^\d+$/.test(confirm)) exitWithUsage(`--confirm-drop needs the number of members, got ${confirm}`, USAGE);
  return {
    command, file,
    ...(parsed.values.comment !== undefined ? { comment: parsed.values.comment } : {}),
    ...(confirm !== undefined ? { confirmDrop: Number(confirm) } : {}),
  };
}

async function main(args: string[]): Promise<number> {
  const { command, file, comment, confirmDrop } = readCommandLine(args);
  // Read and validate before touching the database, so a bad file never starts (or waits for) Postgres.
  let policy: Policy | undefined;
  if (command === "import") {
    const input = await readPolicyFile(file);
    if (input instanceof Error) {
      console.error(input.message);
      return 1;
    }
    const valid = validate(file, input);
    if (valid === null) return 1;
    policy = valid;
  }
  const db = await provisionDatabase(appDatabaseOptions());
  const prisma = createPrisma(db.url);
  try {
    if (command === "export") {
      const active = await getActivePolicy(prisma);
      if (!active) {
        console.error("No policy saved yet: import one first (the engine then runs with the safe defaults).");
        return 1;
      }
      await writeFile(file, `${JSON.stringify(active, null, 2)}\n`);
      console.log(`Exported policy version ${active.version} to ${file}`);
      return 0;
    }
    const drop = await countMembersDropped(prisma, policy as Policy);
    if (needsDropConfirmation(drop) && confirmDrop !== drop.dropped) {
      const share = Math.round((drop.dropped / drop.total) * 1000) / 10;
      console.error(
        `${file}: this policy routes ${drop.dropped} of today's ${drop.total} members (${share}%) nowhere: no rule sends to ` +
          `${drop.audiences.join(", ")}. Nothing saved. The next run would make each of them a no_route exception.\n` +
          `More than ${DROP_CONFIRMATION_SHARE * 100}% needs confirming: if this is meant, import again with --confirm-drop ${drop.dropped}`,
      );
      return 1;
    }
    const version = await savePolicy(prisma, policy as Policy, { comment: comment ?? `imported from ${path.basename(file)}` });
    console.log(`Saved policy version ${version}`);
    return 0;
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

function validate(file: string, input: unknown): Policy | null {
  try {
    return parsePolicy(input);
  } catch (err) {
    if (!(err instanceof PolicyValidationError)) throw err;
    console.error(`${file}: ${err.message}`);
    return null;
  }
}

/** Accepts an exported file ({version, policy}) or a bare policy; a missing file or a JSON error names the file. */
async function readPolicyFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return new Error(`${file}: no such file`);
    if (code === "EISDIR") return new Error(`${file}: is a folder, not a policy file`);
    return new Error(`${file}: cannot be read (${(err as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    return new Error(`${file}: not readable JSON (${err.message})`);
  }
  const exported = parsed !== null && typeof parsed === "object" && "policy" in parsed && "version" in parsed;
  return exported ? (parsed as { policy: unknown }).policy : parsed;
}

// An explicit exit: an idle pool or a library's handler must not turn a refused import into status 0.
process.exit(await main(process.argv.slice(2)));
