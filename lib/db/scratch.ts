import pg from "pg";

/** A fresh, empty database on the same server (test runs): returns its URL and a function dropping it. */
export async function createScratchDatabase(
  serverUrl: string,
  name: string,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = withDatabase(serverUrl, "postgres");
  await adminQuery(admin, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  await adminQuery(admin, `CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`),
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  return `"${name}"`;
}
