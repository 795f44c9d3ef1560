import { ApiError } from "@/lib/api/errors";
import { OdooClient, odooConfigFromEnv, OdooError } from "@/lib/odoo";

/**
 * The console's own Odoo connection for one request (the simulator's reads), from the same variables the
 * workers use. Not configured, or Odoo failing, is a 503 that says so rather than a generic 500.
 */
export async function withConsoleOdoo<T>(fn: (odoo: OdooClient) => Promise<T>): Promise<T> {
  let odoo: OdooClient;
  try {
    odoo = new OdooClient(odooConfigFromEnv(), { timeoutMs: 20_000, retry: { maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 1_000 } });
  } catch (err) {
    throw new ApiError(503, "odoo_not_configured", (err as Error).message);
  }
  try {
    return await fn(odoo);
  } catch (err) {
    if (err instanceof OdooError) throw new ApiError(503, "odoo_unavailable", `Odoo did not answer as expected: ${err.message}`);
    throw err;
  }
}
