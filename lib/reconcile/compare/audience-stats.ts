import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ALL_GAP_KINDS } from "../gap-kinds";

/**
 * One reconcile_audiences row per routed audience: members by status, expected count, gaps by kind (every kind
 * named, zeros included). The Overview's verdict and trend read only these, so they stay fast at any size.
 */
export async function writeAudienceStats(prisma: PrismaClient, passId: string, audienceIds: string[]): Promise<void> {
  await prisma.$executeRawUnsafe(
    `INSERT INTO reconcile_audiences (pass_id, audience_id, members, by_status, expected, gaps)
     SELECT $1::uuid, a.id,
       (SELECT count(*)::int FROM reconcile_members m WHERE m.pass_id = $1::uuid AND m.audience_id = a.id),
       coalesce((SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM reconcile_members m
                 WHERE m.pass_id = $1::uuid AND m.audience_id = a.id GROUP BY status) s), '{}'::jsonb),
       (SELECT count(*)::int FROM reconcile_expected e WHERE e.pass_id = $1::uuid AND e.audience_id = a.id),
       (SELECT jsonb_object_agg(k.kind, coalesce(c.n, 0)) FROM unnest($3::text[]) AS k(kind)
          LEFT JOIN (SELECT kind, count(*)::int AS n FROM reconcile_gaps g WHERE g.pass_id = $1::uuid AND g.audience_id = a.id GROUP BY kind) c ON c.kind = k.kind)
     FROM unnest($2::text[]) AS a(id)`,
    passId,
    audienceIds,
    [...ALL_GAP_KINDS],
  );
}
