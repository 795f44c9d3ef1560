import { stringify } from "csv-stringify";
import { getPrisma } from "@/lib/db/client";
import { latestPass } from "@/lib/reconcile/repair/latest-pass";
import { gapQuery, type GapFilter } from "./gap-filter";

const CHUNK = 5_000;

/**
 * The filtered gaps as CSV (csv-stringify quotes and escapes; a hand-rolled join would not survive a comma in a
 * merge field), read in keyset chunks so a 100k-gap export never sits in memory whole.
 */
export function exportGapsCsv(f: GapFilter): ReadableStream<Uint8Array> {
  const csv = stringify({ header: true, columns: ["audience", "kind", "email", "partner_ids", "detail"] });
  void (async () => {
    try {
      const prisma = getPrisma();
      const pass = await latestPass(prisma);
      if (pass) {
        const { where, params } = gapQuery(f);
        let after = 0n;
        for (;;) {
          const rows = await prisma.$queryRawUnsafe<{ id: bigint; audience_id: string; kind: string; email: string; partner_ids: number[] | null; detail: unknown }[]>(
            `SELECT id, audience_id, kind, email, partner_ids, detail FROM reconcile_gaps WHERE ${where} AND id > $${params.length + 2} ORDER BY id LIMIT ${CHUNK}`,
            pass.id, ...params, after,
          );
          for (const r of rows) csv.write([r.audience_id, r.kind, r.email, (r.partner_ids ?? []).join(" "), JSON.stringify(r.detail)]);
          if (rows.length < CHUNK) break;
          after = rows[rows.length - 1]!.id;
        }
      }
      csv.end();
    } catch (err) {
      csv.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  return new ReadableStream({
    start(controller) {
      csv.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      csv.on("end", () => controller.close());
      csv.on("error", (err) => controller.error(err));
    },
  });
}
