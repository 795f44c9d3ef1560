/**
 * `npm run audit`: the integration audit (lib/audit) against the configured Odoo and Mailchimp, saved as the
 * console's latest report and printed as ONE JSON document on stdout: the same findings, counts, examples and
 * fixes as the Integration audit page (emails included: whoever runs this holds the API keys). Exit 0 when both
 * sides were checked, 1 when one could not be (the report says why), 2 on a wrong command line.
 * Uses DATABASE_URL, or the embedded database (attached to when the demo or the console runs it), and the
 * demo's emulators beside a running demo, like `npm run sync`. Mailchimp requests go through the connection
 * governor, so an audit beside running workers stays within the 10 connections.
 */
import { parseArgs } from "node:util";
import { runAudit, type AuditDeps } from "@/lib/audit/run-audit";
import { saveReport } from "@/lib/audit/save-report";
import { webhookPublicUrl } from "@/lib/consent/webhook-url";
import { createPrisma } from "@/lib/db/client";
import { appDatabaseOptions, provisionDatabase } from "@/lib/db/provision";
import { getEnv } from "@/lib/env";
import { logsToStderr } from "@/lib/logger";
import { MailchimpClient, mailchimpConfigFromEnv } from "@/lib/mailchimp";
import { OdooClient, odooConfigFromEnv } from "@/lib/odoo";
import { ConnectionGovernor } from "@/lib/sync/governor";
import { exitWithUsage } from "./lib/usage";

const USAGE = "Usage: npm run audit [-- --no-save]\n\n  --no-save  print the report without saving it as the console's latest\n";

let values;
try {
  ({ values } = parseArgs({ args: process.argv.slice(2), options: { "no-save": { type: "boolean" }, help: { type: "boolean" } }, strict: true, allowPositionals: false }));
} catch (err) {
  if (!((err as NodeJS.ErrnoException).code ?? "").startsWith("ERR_PARSE_ARGS_")) throw err;
  exitWithUsage((err as Error).message.split("\n")[0] ?? "", USAGE);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

/** A connection that is not configured is left out: the report names the side as unchecked. */
function configured<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (err) {
    if (err instanceof Error && / is not configured/.test(err.message)) return undefined;
    throw err;
  }
}

// stdout carries the one JSON report; any module's logs go to stderr.
logsToStderr();
const db = await provisionDatabase(appDatabaseOptions());
const prisma = createPrisma(db.url);
const odooConfig = configured(odooConfigFromEnv);
const mailchimpConfig = configured(mailchimpConfigFromEnv);
const governor = mailchimpConfig
  ? await ConnectionGovernor.start({ databaseUrl: db.url, apiKey: mailchimpConfig.apiKey, maxConnections: 10, onError: (err) => process.stderr.write(`governor: ${err.message}\n`) })
  : undefined;
let code = 1;
try {
  const webhookUrl = webhookPublicUrl(getEnv());
  const deps: AuditDeps = {
    prisma,
    ...(odooConfig ? { odoo: new OdooClient(odooConfig) } : {}),
    ...(mailchimpConfig && governor ? { mailchimp: new MailchimpClient(mailchimpConfig, { acquire: governor.acquire, timeoutMs: 120_000 }).withPriority("backfill") } : {}),
    ...(webhookUrl ? { webhookUrl } : {}),
  };
  const report = await runAudit(deps);
  if (!values["no-save"]) await saveReport(prisma, report, "cli");
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  code = report.sides.odoo.checked && report.sides.mailchimp.checked ? 0 : 1;
} finally {
  await governor?.close();
  await prisma.$disconnect();
  await db.stop();
}
// An explicit exit: an idle pool or a library's handler must not hold the process or change its status.
process.exit(code);
