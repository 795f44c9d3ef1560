import { getEnv } from "@/lib/env";

export type OdooProtocol = "jsonrpc" | "json2";

/** Where and as whom to connect. Tests and the benchmark build this themselves; production reads the env. */
export interface OdooConfig {
  url: string;
  db: string;
  username: string;
  apiKey: string;
  protocol: OdooProtocol;
}

/** Reads ODOO_* through getEnv(); names every missing variable so operators fix them in one go. */
export function odooConfigFromEnv(): OdooConfig {
  const env = getEnv();
  const values = {
    ODOO_URL: env.ODOO_URL,
    ODOO_DB: env.ODOO_DB,
    ODOO_USERNAME: env.ODOO_USERNAME,
    ODOO_API_KEY: env.ODOO_API_KEY,
  };
  const missing = Object.entries(values)
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  if (missing.length > 0) {
    throw new Error(`Odoo is not configured: missing ${missing.join(", ")}`);
  }
  return {
    url: values.ODOO_URL as string,
    db: values.ODOO_DB as string,
    username: values.ODOO_USERNAME as string,
    apiKey: values.ODOO_API_KEY as string,
    protocol: env.ODOO_PROTOCOL,
  };
}

/** "https://x.odoo.com/" and "https://x.odoo.com" must build the same endpoint URLs. */
export function baseUrl(url: string): string {
  return url.replace(/\/+$/, "");
}
