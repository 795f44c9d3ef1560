import { getEnv } from "@/lib/env";

export interface ConnectionStatus {
  name: "Odoo" | "Mailchimp";
  configured: boolean;
  /** Where it points, without credentials. */
  target?: string;
  missing: string[];
}

/**
 * What the console can say about the two connections from configuration alone (no network call). Where they
 * point (URLs, database name) and what is missing is for admins only: the other roles learn whether each
 * connection is configured, nothing an attacker holding their session could aim at.
 */
export function connectionStatuses(options: { details: boolean }): ConnectionStatus[] {
  const all = allConnectionStatuses();
  return options.details ? all : all.map(({ name, configured }) => ({ name, configured, missing: [] }));
}

function allConnectionStatuses(): ConnectionStatus[] {
  const env = getEnv();
  const odooMissing = (["ODOO_URL", "ODOO_DB", "ODOO_USERNAME", "ODOO_API_KEY"] as const).filter((k) => !env[k]);
  const mcMissing = (["MAILCHIMP_API_KEY"] as const).filter((k) => !env[k]);
  const dc = env.MAILCHIMP_API_KEY?.split("-")[1];
  return [
    {
      name: "Odoo",
      configured: odooMissing.length === 0,
      target: env.ODOO_URL ? `${env.ODOO_URL} · database ${env.ODOO_DB ?? "?"} · ${env.ODOO_PROTOCOL}` : undefined,
      missing: odooMissing,
    },
    {
      name: "Mailchimp",
      configured: mcMissing.length === 0,
      target: env.MAILCHIMP_BASE_URL ?? (dc ? `https://${dc}.api.mailchimp.com/3.0` : undefined),
      missing: mcMissing,
    },
  ];
}
