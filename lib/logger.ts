import pino from "pino";
import { getEnv } from "@/lib/env";

/** Structured JSON logs on stdout; secrets never logged (the redact list covers the usual carriers). */
export const logger = pino({
  level: getEnv().LOG_LEVEL,
  redact: ["password", "*.password", "apiKey", "*.apiKey", "authorization", "*.authorization", "headers.cookie"],
  base: { app: "bridgeline" },
});
