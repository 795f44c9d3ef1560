import type { PrismaClient } from "@/lib/generated/prisma/client";
import { forgetPrismaQueryLog } from "./prisma-query-log";

export interface StagedCandidate {
  audienceId: string;
  email: string;
  partnerId: number;
  commercialId: number;
  rank: number;
  statusIfNew: string;
  /** Canonical JSON of the payload without ODOOID. */
  payload: string;
}

export interface StagedException {
  fingerprint: string;
  kind: string;
  audienceId: string | null;
  email: string | null;
  partnerIds: number[];
  detail: string;
}

/**
 * Two UNLOGGED scratch tables per run: every routed candidate and every exception, written page by page as
 * Odoo is read. Duplicate detection and the comparison with sync_records then happen in Postgres, so the
 * planner's memory does not grow with the number of partners. UNLOGGED because they are rebuilt from Odoo
 * on any retry (no WAL, much faster); dropped when the plan ends, whatever happens.
 */
export class PlanStage {
  readonly candidates: string;
  readonly exceptions: string;

  constructor(
    private readonly prisma: PrismaClient,
    runId: string,
  ) {
    const suffix = runId.replace(/[^a-zA-Z0-9]/g, "").toLowerCase().slice(0, 40);
    this.candidates = `plan_stage_${suffix}`;
    this.exceptions = `plan_stage_exc_${suffix}`;
  }

  async create(): Promise<void> {
    await this.drop();
    await this.prisma.$executeRawUnsafe(
      `CREATE UNLOGGED TABLE ${this.candidates} (audience_id text NOT NULL, email text NOT NULL, partner_id int NOT NULL,
       commercial_id int NOT NULL, rank smallint NOT NULL, status_if_new text NOT NULL, payload text NOT NULL)`,
    );
    await this.prisma.$executeRawUnsafe(
      `CREATE UNLOGGED TABLE ${this.exceptions} (fingerprint text PRIMARY KEY, kind text NOT NULL, audience_id text,
       email text, partner_ids int[] NOT NULL, detail text NOT NULL)`,
    );
  }

  /** One statement per page: arrays in, unnest() out (no 65k-parameter ceiling, one round trip). */
  async addCandidates(rows: StagedCandidate[]): Promise<void> {
    if (rows.length === 0) return;
    await this.prisma.$executeRawUnsafe(
      `INSERT INTO ${this.candidates} SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::smallint[], $6::text[], $7::text[])`,
      rows.map((r) => r.audienceId),
      rows.map((r) => r.email),
      rows.map((r) => r.partnerId),
      rows.map((r) => r.commercialId),
      rows.map((r) => r.rank),
      rows.map((r) => r.statusIfNew),
      rows.map((r) => r.payload),
    );
    forgetPrismaQueryLog();
  }

  /**
   * A per-address problem seen on several partners (two customers with one staff address) is one row listing
   * them all: rows of one page are merged here, rows of different pages by the ON CONFLICT.
   */
  async addExceptions(page: StagedException[]): Promise<void> {
    if (page.length === 0) return;
    const merged = new Map<string, StagedException>();
    for (const r of page) {
      const seen = merged.get(r.fingerprint);
      merged.set(r.fingerprint, seen ? { ...seen, partnerIds: [...new Set([...seen.partnerIds, ...r.partnerIds])].sort((a, b) => a - b) } : r);
    }
    const rows = [...merged.values()];
    // partner_ids travel as text ("{1,2}") because unnest() would flatten an int[][] parameter.
    await this.prisma.$executeRawUnsafe(
      `INSERT INTO ${this.exceptions} AS s
       SELECT f, k, a, e, p::int[], d FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(f, k, a, e, p, d)
       ON CONFLICT (fingerprint) DO UPDATE
         SET partner_ids = ARRAY(SELECT DISTINCT x FROM unnest(s.partner_ids || EXCLUDED.partner_ids) AS x ORDER BY x)`,
      rows.map((r) => r.fingerprint),
      rows.map((r) => r.kind),
      rows.map((r) => r.audienceId),
      rows.map((r) => r.email),
      rows.map((r) => `{${r.partnerIds.join(",")}}`),
      rows.map((r) => r.detail),
    );
    forgetPrismaQueryLog();
  }

  /** Built after loading: one sort beats maintaining the index row by row. */
  async index(): Promise<void> {
    await this.prisma.$executeRawUnsafe(`CREATE INDEX ON ${this.candidates} (audience_id, email)`);
    await this.prisma.$executeRawUnsafe(`ANALYZE ${this.candidates}`);
  }

  async countExceptionsByKind(): Promise<Record<string, number>> {
    const rows = await this.prisma.$queryRawUnsafe<{ kind: string; n: number }[]>(
      `SELECT kind, count(*)::int AS n FROM ${this.exceptions} GROUP BY kind ORDER BY kind`,
    );
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  }

  async drop(): Promise<void> {
    await this.prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS ${this.candidates}, ${this.exceptions}`);
  }
}
