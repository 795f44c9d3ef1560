import type { Db, Tx } from "./db";

/** The Odoo write_date cursor incremental runs read from; only a successful run moves it. */
export const ODOO_PARTNERS_CURSOR = "odoo.partners";

export async function readCursor(prisma: Db, key = ODOO_PARTNERS_CURSOR): Promise<Date | null> {
  const row = await prisma.syncCursor.findUnique({ where: { key } });
  if (!row) return null;
  const value = new Date(row.value);
  return Number.isNaN(value.getTime()) ? null : value;
}

export async function writeCursor(tx: Tx, value: Date, key = ODOO_PARTNERS_CURSOR): Promise<void> {
  const iso = value.toISOString();
  await tx.syncCursor.upsert({ where: { key }, create: { key, value: iso }, update: { value: iso } });
}
