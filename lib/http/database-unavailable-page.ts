/**
 * The page every console URL serves while Postgres is down (proxy.ts): what is wrong, what keeps happening and
 * what to do, with the cause named as /api/health names it. No script (the browser reloads it by itself) and no
 * database, so it always renders. Status 503 with Retry-After, so monitors and proxies see an outage, not a bug.
 */
export const DATABASE_RETRY_SECONDS = 10;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function databaseUnavailablePage(reason: string | undefined): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${DATABASE_RETRY_SECONDS}">
<title>Database unavailable · Bridgeline</title>
<style>
  body { margin: 0; font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif; background: #f8fafc; color: #0f172a; }
  main { max-width: 36rem; margin: 12vh auto; padding: 2rem; background: #fff; border: 1px solid #e2e8f0; border-radius: 0.75rem; }
  .status { font-size: 0.8rem; font-weight: 600; color: #b45309; text-transform: uppercase; letter-spacing: 0.05em; }
  h1 { margin: 0.4rem 0 1rem; font-size: 1.5rem; }
  p, li { line-height: 1.55; font-size: 0.95rem; color: #334155; }
  code { font-size: 0.85rem; background: #f1f5f9; padding: 0.1rem 0.35rem; border-radius: 0.25rem; }
  .reason { margin-top: 1.25rem; font-size: 0.8rem; color: #64748b; }
</style>
</head>
<body>
<main data-testid="database-unavailable">
  <div class="status">503 · Database unavailable</div>
  <h1>Bridgeline cannot reach its database</h1>
  <p>The console needs Postgres for every page, so it shows this instead. Meanwhile:</p>
  <ul>
    <li>Sync runs pause: workers wait for the database and carry on where they stopped when it is back.</li>
    <li>Opt-outs made in Mailchimp are not lost: the workers' consent poll finds them when it is back.</li>
  </ul>
  <p>This page tries again every ${DATABASE_RETRY_SECONDS} seconds. If it stays, check that Postgres is running and that
  <code>DATABASE_URL</code> points at it; <code>GET /api/health</code> names the cause.</p>
  <p class="reason">Cause: ${escapeHtml(reason ?? "no answer")}</p>
</main>
</body>
</html>
`;
}
