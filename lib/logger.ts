import pino from "pino";
import { getEnv } from "@/lib/env";

/** Where the logs go: stdout, unless a command whose stdout is its answer moved them (logsToStderr). */
let out: NodeJS.WritableStream = process.stdout;

/**
 * For commands that print their answer on stdout (`npm run sync`'s summary line, `npm run audit`'s JSON): every
 * log line, from any module, goes to stderr instead, so stdout stays parseable.
 */
export function logsToStderr(): void {
  out = process.stderr;
}

/** Structured JSON logs on stdout; secrets never logged (the redact list covers the usual carriers). */
export const logger = pino(
  {
    level: getEnv().LOG_LEVEL,
    redact: ["password", "*.password", "apiKey", "*.apiKey", "authorization", "*.authorization", "headers.cookie"],
    base: { app: "bridgeline" },
  },
  { write: (line: string) => void out.write(line) },
);
