/** Takes `--state FILE` out of the arguments (the rest go to the usual parser). */
export function takeStateFlag(argv: string[]): { stateFile: string | undefined; args: string[] } {
  const at = argv.indexOf("--state");
  if (at < 0) return { stateFile: undefined, args: argv };
  return { stateFile: argv[at + 1], args: [...argv.slice(0, at), ...argv.slice(at + 2)] };
}
