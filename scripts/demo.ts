/**
 * `npm run demo`: the whole product on one machine with nothing configured: embedded Postgres, a
 * production build of the console, and one demo user per role whose passwords are printed once.
 */
import path from "node:path";
import { ensureDemoUsers } from "@/lib/auth/users";
import { createPrisma } from "@/lib/db/client";
import { writeDemoConnections } from "@/lib/demo-connections";
import { appDatabaseOptions, describeDatabase, provisionDatabase } from "@/lib/db/provision";
import { getEnv, resetEnvCache } from "@/lib/env";
import { readOrCreateSecret } from "@/lib/read-or-create-secret";
import { onShutdown, shutdown, shutdownWhenLost } from "./lib/lifecycle";
import { DEMO_AUDIENCES_FIXTURE, startEmulators } from "./lib/emulators";
import { prepareEmulatorState } from "./lib/prepare-emulator-state";
import { ensureDemoPolicy, forgetEmulatedSyncState, runInitialSync, unsubscribeExample } from "./lib/demo-sync";
import { buildIsFresh, runNextBuild, startNextServer } from "./lib/next-server";

async function main() {
  process.env.BRIDGELINE_MODE ??= "demo";
  // Modules imported above may already have read the environment (the logger does): read it again.
  resetEnvCache();
  const env = getEnv();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    BRIDGELINE_MODE: env.mode,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
  };

  if (!buildIsFresh()) {
    console.log("Building the console (first run, or sources changed)…");
    await runNextBuild(childEnv);
  }
  // The demo's Odoo and Mailchimp: the emulators, as their own processes, unless real ones are configured.
  // Their state lives under .data/emulators, so a restarted demo continues where it left off; --fresh starts over.
  const { dir: stateDir, odoo: odooState, mailchimp: mailchimpState, continuing } = prepareEmulatorState(env.BRIDGELINE_DATA_DIR, process.argv);
  const emulators =
    env.ODOO_URL || env.MAILCHIMP_API_KEY
      ? undefined
      : await startEmulators({
          odooArgs: ["--port", "0", "--demo", "--state", odooState],
          mailchimpArgs: ["--port", "0", "--lists", DEMO_AUDIENCES_FIXTURE, "--state", mailchimpState],
        });
  if (emulators) onShutdown(emulators.stop);
  Object.assign(childEnv, emulators?.env);
  // `npm run sync` and `npm run worker` started beside the demo find these emulators here (lib/env.ts).
  const forgetConnections = emulators ? writeDemoConnections(env.BRIDGELINE_DATA_DIR, emulators.env) : undefined;
  if (emulators) {
    // The emulated audiences deliver their webhooks to this console. The secret is kept beside the emulators'
    // state: their audiences keep the webhook URL across restarts, which a new secret would break (--fresh resets both).
    childEnv.MAILCHIMP_WEBHOOK_SECRET ??= readOrCreateSecret(path.join(stateDir, "webhook-secret"), 16);
    childEnv.MAILCHIMP_WEBHOOK_BASE_URL ??= `http://127.0.0.1:${env.PORT}`;
  }

  const db = await provisionDatabase(appDatabaseOptions(env));
  onShutdown(db.stop);
  console.log(describeDatabase(db));

  const prisma = createPrisma(db.url);
  const logins = await ensureDemoUsers(prisma);
  // New emulators know nothing of earlier runs: the sync state that described them goes too.
  if (emulators && !continuing) await forgetEmulatedSyncState(prisma);
  await ensureDemoPolicy(prisma);
  // Printed as soon as they exist: if the demo is stopped before the console is up, they are not lost.
  if (logins.length > 0) {
    console.log("Demo logins (shown once; they are kept in the database, not in a file):");
    for (const l of logins) console.log(`  ${l.role.padEnd(9)} ${l.email.padEnd(34)} ${l.password}`);
  } else {
    console.log("Demo users already exist; their passwords were printed on the first run.");
    console.log("Forgot them? Stop the demo and delete .data/ to start over.");
  }

  const server = await startNextServer({ port: env.PORT, env: { ...childEnv, DATABASE_URL: db.url } });
  onShutdown(server.stop);
  // Registered last, so it goes first when the demo stops: CLIs started meanwhile must not find dead emulators.
  if (forgetConnections) onShutdown(async () => forgetConnections());
  shutdownWhenLost(server.child, "The console", [emulators ? "the emulators" : "", db.embedded && !db.attachedTo ? "the embedded Postgres" : ""].filter(Boolean).join(" and "));

  console.log(`\nBridgeline console: http://localhost:${env.PORT}`);
  if (emulators) console.log(`Odoo emulator ${emulators.odoo.url} · Mailchimp emulator ${emulators.mailchimp.url}`);
  console.log("Press Ctrl+C to stop.\n");

  if (emulators && continuing) {
    console.log(`The emulators continue from ${stateDir} (\`npm run demo -- --fresh\` starts over).`);
  } else if (emulators) {
    console.log("Running the first full sync of the emulated business…");
    const summary = await runInitialSync(prisma, db.url);
    console.log(`First sync ${summary.status}: ${JSON.stringify(summary)}`);
    const example = await unsubscribeExample(emulators.mailchimp.url);
    if (example) {
      console.log(`\nUnsubscribe ${example.email} as if they clicked the link in an email (Odoo blacklists the address; see Consent):`);
      console.log(`  ${example.command}`);
    }
  }
  await prisma.$disconnect();
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
