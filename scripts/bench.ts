/**
 * `npm run bench -- [--size N] [--workers N] [--latency-ms L] [--per-record-ms P]`: speed, cost and memory of the
 * sync engine against the physical floor and against per-record syncing (README "Benchmark"). Prints a table,
 * writes bench/results/<date>-<size>[-w<N>].json, exits 1 when a target is missed. The last stdout line is the
 * results as JSON, for tests/bench/bench.test.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BENCH_HELP, parseBenchArgs } from "./bench/args";
import { renderTable } from "./bench/report";
import { runBench } from "./bench/run-bench";
import { renderReconcileTable, runReconcileBench } from "./bench/reconcile/run-reconcile-bench";
import { stopAll } from "./bench/tree";

const argv = process.argv.slice(2);
// --reconcile: the reconciliation bench instead (scripts/bench/reconcile): minutes of its own, so not by default.
const reconcile = argv.includes("--reconcile");
let parsed;
try {
  const rest = argv.filter((a) => a !== "--reconcile");
  // A ~100k-member audience: the generated business routes about 37% of its partners into Mailchimp.
  parsed = parseBenchArgs(reconcile && !rest.some((a) => a.startsWith("--size")) ? ["--size", "270000", ...rest] : rest);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
if (parsed === "help") {
  process.stdout.write(BENCH_HELP);
  process.exit(0);
}
const args = parsed;
let code = 1;
try {
  if (reconcile) {
    const results = await runReconcileBench(args, ["npm run bench --", ...argv].join(" "));
    process.stdout.write(`${renderReconcileTable(results)}\n`);
    if (args.write) {
      mkdirSync(args.outDir, { recursive: true });
      const file = path.join(args.outDir, `${results.date.slice(0, 10)}-reconcile-${args.size}.json`);
      writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
      process.stdout.write(`results: ${file}\n`);
    }
    process.stdout.write(`${JSON.stringify({ pass: results.pass, targets: results.targets })}\n`);
    code = results.pass ? 0 : 1;
  } else code = await runSyncBench();
} catch (err) {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
} finally {
  await stopAll();
}
process.exit(code);

async function runSyncBench(): Promise<number> {
  const results = await runBench(args, ["npm run bench --", ...argv].join(" "));
  process.stdout.write(`${renderTable(results)}\n`);
  if (args.write) {
    mkdirSync(args.outDir, { recursive: true });
    const file = path.join(args.outDir, `${results.date.slice(0, 10)}-${args.size}${args.workers > 1 ? `-w${args.workers}` : ""}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`results: ${file}\n`);
  }
  process.stdout.write(`${JSON.stringify({ pass: results.pass, targets: results.targets })}\n`);
  return results.pass ? 0 : 1;
}
