import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OdooClient } from "@/lib/odoo";
import { normalizeEmail } from "@/lib/sync/email/normalize-email";
import { forgetPrismaQueryLog } from "@/lib/sync/plan/prisma-query-log";

/**
 * Odoo's opt-outs (active mail.blacklist entries, what Odoo's own mailing honours and where consent write-backs
 * land) in an UNLOGGED scratch table of the pass: the consent comparison joins it in SQL. Dropped with the pass.
 */
export class BlacklistStage {
  readonly table: string;

  constructor(private readonly prisma: PrismaClient, passId: string) {
    this.table = `reconcile_bl_${passId.replace(/[^a-zA-Z0-9]/g, "").toLowerCase().slice(0, 40)}`;
  }

  async load(odoo: OdooClient, pageSize: number): Promise<number> {
    await this.drop();
    await this.prisma.$executeRawUnsafe(`CREATE UNLOGGED TABLE ${this.table} (email text PRIMARY KEY)`);
    let n = 0;
    for await (const page of odoo.pages<{ id: number; email: string | false }>("mail.blacklist", { fields: ["email"], pageSize })) {
      const emails = page.flatMap((r) => (typeof r.email === "string" && r.email ? [normalizeEmail(r.email)] : []));
      if (emails.length === 0) continue;
      await this.prisma.$executeRawUnsafe(`INSERT INTO ${this.table} SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, emails);
      forgetPrismaQueryLog();
      n += emails.length;
    }
    await this.prisma.$executeRawUnsafe(`ANALYZE ${this.table}`);
    return n;
  }

  async drop(): Promise<void> {
    await this.prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS ${this.table}`);
  }
}
