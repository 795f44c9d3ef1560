import { z } from "zod";
import { parseOdooDate, parseOdooDatetime } from "@/lib/odoo";

/**
 * zod shapes for Odoo's wire values, which use `false` for every empty field (strings included). They
 * return null for empty so nothing downstream mistakes `false` for a value.
 */
export const odooId = z.number().int().positive();

export const many2one = z
  .union([z.literal(false), z.null(), z.tuple([odooId, z.union([z.string(), z.literal(false)])]), odooId])
  .transform((v) => (v === false || v === null ? null : typeof v === "number" ? { id: v, name: "" } : { id: v[0], name: v[1] || "" }));

export const text = z.union([z.string(), z.literal(false), z.null()]).transform((v) => (typeof v === "string" && v.trim() !== "" ? v : null));

export const ids = z.union([z.array(odooId), z.literal(false)]).transform((v) => v || []);

export const flag = z.union([z.boolean(), z.null()]).transform((v) => v === true);

export const count = z.union([z.number(), z.literal(false)]).transform((v) => (typeof v === "number" ? v : 0));

/** An Odoo date or datetime -> whole seconds since the epoch (fits the Uint32 arrays of BuyingIndex until 2106). */
const epochSeconds = (parse: (v: string | false) => Date | null) =>
  z.union([z.string(), z.literal(false)]).transform((v, ctx) => {
    try {
      const d = parse(v);
      return d ? Math.floor(d.getTime() / 1000) : 0;
    } catch (err) {
      ctx.addIssue({ code: "custom", message: (err as Error).message });
      return z.NEVER;
    }
  });

export const datetimeSeconds = epochSeconds(parseOdooDatetime);
export const dateSeconds = epochSeconds(parseOdooDate);

/** Parses one page; a record Odoo sent in an unexpected shape is a connector-level surprise, so it throws. */
export function parsePage<S extends z.ZodType>(schema: S, model: string, rows: unknown[]): z.output<S>[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const id = (row as { id?: unknown }).id;
      const issue = parsed.error.issues[0];
      throw new Error(`Unexpected ${model} record ${String(id)}: ${issue?.path.join(".")} ${issue?.message}`);
    }
    return parsed.data;
  });
}
