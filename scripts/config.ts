/**
 * `npm run config -- export FILE` writes the active sync policy as {version, policy};
 * `npm run config -- import FILE [--comment "..."]` validates a file and saves it as a new version.
 * Uses DATABASE_URL, or the embedded database under BRIDGELINE_DATA_DIR when unset (like db:migrate).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createPrisma } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { getEnv } from "@/lib/env";
import { getActivePolicy, parsePolicy, PolicyValidationError, savePolicy, type Policy } from "@/lib/sync/policy";

const USAGE = 'Usage: npm run config -- export FILE | import FILE [--comment "why"]';

async function main(args: string[]): Promise<number> {
  const [command, file] = args;
  if ((command !== "export" && command !== "import") || !file) {
    console.error(USAGE);
    return 2;
  }
  const commentAt = args.indexOf("--comment");
  const comment = commentAt > 0 ? args[commentAt + 1] : undefined;
  const input = command === "import" ? await readPolicyFile(file) : undefined;
  if (input instanceof Error) {
    console.error(input.message);
    return 1;
  }
  // Validate before touching the database, so a bad file never starts (or waits for) Postgres.
  const policy = command === "import" ? validate(file, input) : undefined;
  if (policy === null) return 1;
  const env = getEnv();
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: path.join(env.BRIDGELINE_DATA_DIR, "postgres") });
  const prisma = createPrisma(env.DATABASE_URL ?? embedded!.url);
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
    const version = await savePolicy(prisma, policy, { comment: comment ?? `imported from ${path.basename(file)}` });
    console.log(`Saved policy version ${version}`);
    return 0;
  } finally {
    await prisma.$disconnect();
    await embedded?.stop();
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

/** Accepts an exported file ({version, policy}) or a bare policy; a JSON error names the file. */
async function readPolicyFile(file: string): Promise<unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    return new Error(`${file}: not readable JSON (${(err as Error).message})`);
  }
  const exported = parsed !== null && typeof parsed === "object" && "policy" in parsed && "version" in parsed;
  return exported ? (parsed as { policy: unknown }).policy : parsed;
}

// An explicit exit: an idle pool or a library's handler must not turn a refused import into status 0.
process.exit(await main(process.argv.slice(2)));
