import { getPrisma } from "@/lib/db/client";
import { latestPass } from "@/lib/reconcile/repair/latest-pass";
import { csvStream } from "../csv-stream";
import { gapQuery, type GapFilter } from "./gap-filter";

const CHUNK = 5_000;

/**
 * The filtered gaps as CSV, read in keyset chunks so a 100k-gap export never sits in memory whole. Order gaps
 * carry their order id as the subject.
 */
export function exportGapsCsv(f: GapFilter): ReadableStream<Uint8Array> {
  return csvStream(["audience", "kind", "email", "subject", "partner_ids", "detail"], async (csv) => {
    const prisma = getPrisma();
    const pass = await latestPass(prisma);
    if (!pass) return;
    const { where, params } = gapQuery(f);
    let after = 0n;
    for (;;) {
      const rows = await prisma.$queryRawUnsafe<{ id: bigint; audience_id: string; kind: string; email: string; subject: string; partner_ids: number[] | null; detail: unknown }[]>(
        `SELECT id, audience_id, kind, email, subject, partner_ids, detail FROM reconcile_gaps WHERE ${where} AND id > $${params.length + 2} ORDER BY id LIMIT ${CHUNK}`,
        pass.id, ...params, after,
      );
      for (const r of rows) csv.write([r.audience_id, r.kind, r.email, r.subject, (r.partner_ids ?? []).join(" "), JSON.stringify(r.detail)]);
      if (rows.length < CHUNK) break;
      after = rows[rows.length - 1]!.id;
    }
  });
}
