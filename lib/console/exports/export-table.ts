import { ApiError, forbiddenFor } from "@/lib/api/errors";
import type { SignedInUser } from "@/lib/auth/authorize";
import { canSee } from "@/lib/auth/roles";
import { csvStream } from "../csv-stream";
import { CSV_TABLES } from "./csv-tables";

/**
 * One table as a CSV download for a signed-in user: unknown table 404, a role that may not see the table's page
 * 403, a bad filter refused before any byte is sent; then the rows streamed through csv-stringify.
 */
export async function exportTable(name: string, query: URLSearchParams, user: SignedInUser): Promise<Response> {
  const table = Object.hasOwn(CSV_TABLES, name) ? CSV_TABLES[name] : undefined;
  if (!table) throw new ApiError(404, "not_found", `No table "${name}" to export.`);
  if (!canSee(user.role, table.page)) throw forbiddenFor(`download the ${name} table`);
  await table.check?.(query);
  const body = csvStream(table.columns, async (csv) => {
    for await (const row of table.rows(query, user)) csv.write(row);
  });
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${table.filename(query).replace(/[^\w.-]/g, "_")}"`, "cache-control": "no-store" },
  });
}
