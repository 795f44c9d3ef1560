/** The environment of a worker or sync CLI child in tests: only what it needs, nothing inherited by accident. */
export function childEnv(vars: {
  databaseUrl: string;
  mailchimp: { apiKey: string; baseUrl: string };
  odoo: { url: string; db: string; login: string; apiKey: string };
}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    DATABASE_URL: vars.databaseUrl,
    MAILCHIMP_API_KEY: vars.mailchimp.apiKey,
    MAILCHIMP_BASE_URL: vars.mailchimp.baseUrl,
    ODOO_URL: vars.odoo.url,
    ODOO_DB: vars.odoo.db,
    ODOO_USERNAME: vars.odoo.login,
    ODOO_API_KEY: vars.odoo.apiKey,
  };
}
