/** A command line the command cannot take: the reason, then the usage, as text on stderr; exit 2. */
export function exitWithUsage(reason: string, usage: string): never {
  process.stderr.write(`${reason}\n\n${usage.trimEnd()}\n`);
  process.exit(2);
}
