import { OdooError } from "@/lib/odoo";

/** Odoo outages can last hours (upgrades, Odoo.sh maintenance): 12 tries span about 34 hours. */
export const MAX_WRITEBACK_ATTEMPTS = 12;
const BASE_MS = 30_000;
const CAP_MS = 6 * 60 * 60 * 1000;

/** Delay before try number `attempts + 1`; `attempts` counts tries already made (>= 1). */
export function writebackDelayMs(attempts: number): number {
  return Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** Only the connector's transient errors are worth waiting for; anything else needs a person. */
export function isTransient(error: unknown): boolean {
  return error instanceof OdooError && error.retryable;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 2000);
  return String(error).slice(0, 2000);
}
