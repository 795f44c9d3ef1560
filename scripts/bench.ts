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
import { stopAll } from "./bench/tree";

const argv = process.argv.slice(2);
let parsed;
try {
  parsed = parseBenchArgs(argv);
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
  const results = await runBench(args, ["npm run bench --", ...argv].join(" "));
  process.stdout.write(`${renderTable(results)}\n`);
  if (args.write) {
    mkdirSync(args.outDir, { recursive: true });
    const file = path.join(args.outDir, `${results.date.slice(0, 10)}-${args.size}${args.workers > 1 ? `-w${args.workers}` : ""}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`results: ${file}\n`);
  }
  process.stdout.write(`${JSON.stringify({ pass: results.pass, targets: results.targets })}\n`);
  code = results.pass ? 0 : 1;
} catch (err) {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
} finally {
  await stopAll();
}
process.exit(code);
