/** The console's CSV download for one table (app/api/export/[table]), with the page's filters as its query. */
export function CsvLink({ table, query, label = "Download CSV" }: { table: string; query?: Record<string, string | undefined>; label?: string }) {
  const params = new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => !!e[1]));
  const qs = params.toString();
  return (
    <a data-testid="csv-link" data-table={table} className="text-sm font-medium text-brand-700 hover:underline" href={`/api/export/${table}${qs ? `?${qs}` : ""}`}>
      {label}
    </a>
  );
}
