import { z } from "zod";
import { ALL_GAP_KINDS } from "@/lib/reconcile/gap-kinds";

export const GAP_PAGE_SIZE = 50;
export const GAP_SORTS = ["email", "kind", "audience"] as const;

/** The gap table's query string: filters, search, sort and page, all answered by Postgres. */
export const gapFilterSchema = z.object({
  audience: z.string().max(100).optional(),
  kind: z.enum(ALL_GAP_KINDS).optional(),
  /** Part of an email, any case. */
  q: z.string().trim().max(200).optional(),
  sort: z.enum(GAP_SORTS).default("email"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export type GapFilter = z.output<typeof gapFilterSchema>;

export function parseGapFilter(params: URLSearchParams): GapFilter {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  return gapFilterSchema.parse(raw);
}

const ORDER: Record<GapFilter["sort"], string> = {
  email: "email, audience_id, kind",
  kind: "kind, email, audience_id",
  audience: "audience_id, email, kind",
};

/** WHERE and ORDER BY of a filter, with its parameters after the pass id ($1). Column names come from the enum. */
export function gapQuery(f: GapFilter) {
  const params: unknown[] = [];
  const where = ["pass_id = $1::uuid"];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace("?", `$${params.length + 1}`));
  };
  if (f.audience) add("audience_id = ?", f.audience);
  if (f.kind) add("kind = ?", f.kind);
  // Emails are stored normalised (lower-case); LIKE '%q%' is answered by the trigram index (3 characters or more).
  if (f.q) add("email LIKE ?", `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const order = ORDER[f.sort].split(", ").map((c) => `${c} ${f.dir === "desc" ? "DESC" : "ASC"}`).join(", ");
  return { where: where.join(" AND "), order, params };
}
