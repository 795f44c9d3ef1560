import { z } from "zod";
import { demoConnectionsFor } from "./demo-connections";
import { parseTrustedProxies } from "./net/trusted-proxies";

/**
 * The one place that reads process.env. Everything else asks getEnv().
 *
 * Modes: "production" refuses to start without the variables a real deployment needs; "demo" (set by
 * `npm run demo`) fills the gaps itself (embedded Postgres, emulators, a generated NEXTAUTH_SECRET);
 * "development" and "test" are lenient like demo but generate nothing.
 *
 * In development mode, a group of connection variables left entirely unset (ODOO_*, MAILCHIMP_*) is taken from
 * the emulators a running `npm run demo` started on the same BRIDGELINE_DATA_DIR (see demo-connections.ts), so
 * CLIs beside the demo reach them. Never in production or tests, nor in the demo itself (it owns its emulators).
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const optionalUrl = optionalString.pipe(z.url().optional());

export const envSchema = z
  .object({
    BRIDGELINE_MODE: z.enum(["production", "demo", "development", "test"]).optional(),
    /** Embedded Postgres, generated secrets and run files live here. */
    BRIDGELINE_DATA_DIR: z.string().default(".data"),
    NEXT_PHASE: optionalString,
    NODE_ENV: z.enum(["production", "development", "test"]).optional(),
    DATABASE_URL: optionalString,
    NEXTAUTH_SECRET: optionalString,
    NEXTAUTH_URL: optionalUrl,
    OIDC_ISSUER: optionalUrl,
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_NAME: optionalString,
    OIDC_DEFAULT_ROLE: z.enum(["admin", "ops", "marketing", "finance"]).optional(),
    CRON_SECRET: optionalString,
    ODOO_URL: optionalUrl,
    ODOO_DB: optionalString,
    ODOO_USERNAME: optionalString,
    ODOO_API_KEY: optionalString,
    ODOO_PROTOCOL: z.enum(["jsonrpc", "json2"]).default("jsonrpc"),
    MAILCHIMP_API_KEY: optionalString,
    MAILCHIMP_BASE_URL: optionalUrl,
    MAILCHIMP_WEBHOOK_SECRET: optionalString,
    /** Public base URL Mailchimp delivers webhooks to, when it differs from NEXTAUTH_URL. */
    MAILCHIMP_WEBHOOK_BASE_URL: optionalUrl,
    /** Where alerts are posted as Slack-compatible JSON (a Slack incoming webhook or any receiver). A secret. */
    ALERT_WEBHOOK_URL: optionalUrl,
    /** Proxies whose X-Forwarded-For is believed (IPs or CIDRs, comma-separated); none by default. */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((raw, ctx) => {
        try {
          return parseTrustedProxies(raw);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
          return z.NEVER;
        }
      }),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    PORT: z.coerce.number().int().positive().default(3000),
  })
  .transform((e) => ({ ...e, mode: e.BRIDGELINE_MODE ?? defaultMode(e.NODE_ENV) }));

export type Env = z.output<typeof envSchema>;

/** What a production deployment cannot run without. Each is named in the error when missing. */
export const PRODUCTION_REQUIRED = [
  "DATABASE_URL",
  "NEXTAUTH_SECRET",
  "NEXTAUTH_URL",
  "ODOO_URL",
  "ODOO_DB",
  "ODOO_USERNAME",
  "ODOO_API_KEY",
  "MAILCHIMP_API_KEY",
  "MAILCHIMP_WEBHOOK_SECRET",
  "CRON_SECRET",
] as const;

export class EnvError extends Error {
  override name = "EnvError";
}

type Mode = "production" | "demo" | "development" | "test";

function defaultMode(nodeEnv: string | undefined): Mode {
  if (nodeEnv === "production") return "production";
  if (nodeEnv === "test") return "test";
  return "development";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  // `next build` runs with NODE_ENV=production but needs no runtime configuration.
  if (env.mode === "production" && env.NEXT_PHASE !== "phase-production-build") {
    const missing = PRODUCTION_REQUIRED.filter((name) => env[name] === undefined);
    if (missing.length > 0) {
      throw new EnvError(
        `Missing environment variable${missing.length > 1 ? "s" : ""} in production: ${missing.join(", ")}. ` +
          "Set them (see README, 'Configuration') or run `npm run demo` for a self-contained demo.",
      );
    }
  }
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidc.some((v) => v !== undefined) && oidc.some((v) => v === undefined)) {
    throw new EnvError("OIDC sign-in needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.");
  }
  return env;
}

let cached: Env | undefined;

/** Parsed once per process; later changes to process.env are not seen (by design). */
export function getEnv(): Env {
  cached ??= parseEnv(withRunningDemo(process.env));
  return cached;
}

export function withRunningDemo(source: Record<string, string | undefined>): Record<string, string | undefined> {
  const mode = source.BRIDGELINE_MODE ?? defaultMode(source.NODE_ENV);
  if (mode !== "development") return source;
  return { ...source, ...demoConnectionsFor(source, source.BRIDGELINE_DATA_DIR?.trim() || ".data") };
}

/** For scripts that set variables (e.g. the embedded database URL) before anything reads them. */
export function resetEnvCache(): void {
  cached = undefined;
}
