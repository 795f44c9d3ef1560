import { getPrisma } from "@/lib/db/client";
import { latestPass } from "@/lib/reconcile/repair/latest-pass";
import { GAP_PAGE_SIZE, gapQuery, type GapFilter } from "./gap-filter";

export interface GapRow {
  id: string;
  audienceId: string;
  kind: string;
  email: string;
  /** The member's email, or an order gap's Mailchimp order id. */
  subject: string;
  partnerIds: number[];
  detail: Record<string, unknown>;
}

/** One page of the latest pass's gaps, with the filtered total, so the table pages on the server. */
export async function listGaps(f: GapFilter): Promise<{ passId: string | null; total: number; page: number; pageSize: number; rows: GapRow[] }> {
  const prisma = getPrisma();
  const pass = await latestPass(prisma);
  if (!pass) return { passId: null, total: 0, page: f.page, pageSize: GAP_PAGE_SIZE, rows: [] };
  const { where, order, params } = gapQuery(f);
  const offset = (f.page - 1) * GAP_PAGE_SIZE;
  const [rows, count] = await Promise.all([
    prisma.$queryRawUnsafe<{ id: bigint; audience_id: string; kind: string; email: string; subject: string; partner_ids: number[] | null; detail: Record<string, unknown> }[]>(
      `SELECT id, audience_id, kind, email, subject, partner_ids, detail FROM reconcile_gaps WHERE ${where} ORDER BY ${order} LIMIT ${GAP_PAGE_SIZE} OFFSET ${offset}`,
      pass.id, ...params,
    ),
    prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM reconcile_gaps WHERE ${where}`, pass.id, ...params),
  ]);
  return {
    passId: pass.id,
    total: count[0]?.n ?? 0,
    page: f.page,
    pageSize: GAP_PAGE_SIZE,
    rows: rows.map((r) => ({ id: r.id.toString(), audienceId: r.audience_id, kind: r.kind, email: r.email, subject: r.subject, partnerIds: r.partner_ids ?? [], detail: r.detail })),
  };
}
